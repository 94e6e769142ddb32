/** The products household-service knows from catalog-service's events, and who owns each: the ownership rules. */
package io.fupin.household.product;
