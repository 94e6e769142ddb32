/**
 * Stock reservations for order-service: reserve all-or-nothing, confirm, release, each idempotent by
 * order id. Stock is taken with a conditional decrement, never read-then-write, so it cannot be oversold.
 */
package io.fupin.catalog.reservation;
