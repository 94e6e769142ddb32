/** Domain failures every feature may raise; the web layer turns them into problem+json. */
package io.fupin.household.common;
