/**
 * The one synchronous dependency of order-service: stock reservations in catalog-service, called with a
 * timeout, a circuit breaker and (the calls being idempotent by order id) a bounded retry.
 */
package io.fupin.order.stock;
