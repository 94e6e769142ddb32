/** order-service's ownership rules, written once: a consumer's orders and payments, a seller's lines. */
package io.fupin.order.owners;
