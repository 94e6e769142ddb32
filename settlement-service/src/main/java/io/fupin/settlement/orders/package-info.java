/**
 * What order-service itself recorded as paid and refunded per day and order, read over its internal API
 * with a timeout, a bounded retry and a circuit breaker: the other side of the cross-service reconciliation.
 */
package io.fupin.settlement.orders;
