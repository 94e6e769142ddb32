/**
 * Settlement's own record of the orders order-service reports, built from
 * {@code order-service.order-events.v1} exactly once per event.
 */
package io.fupin.settlement.intake;
