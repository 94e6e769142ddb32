/** Purchase agreements (三訂's 訂協議): an enterprise buys a household's output at an agreed price and standard. */
package io.fupin.household.agreement;
