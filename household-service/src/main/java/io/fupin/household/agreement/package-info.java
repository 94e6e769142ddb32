/** Purchase agreements (三订's 订协议): an enterprise buys a household's output at an agreed price and standard. */
package io.fupin.household.agreement;
