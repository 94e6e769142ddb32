/** A consumer's orders: checkout, sandbox payment, the order's life (tracking, delivery, refunds, cancellation). */
package io.fupin.web.orders;
