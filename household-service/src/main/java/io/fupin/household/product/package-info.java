/** The products household-service knows from catalog-service's events, and the seller of each. */
package io.fupin.household.product;
