/** Presale matching (认购对接): households offering future output, and the subscribers each one has. */
package io.fupin.household.presale;
