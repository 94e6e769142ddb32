/** What order-service took in and gave back, per day and order: the figures settlement reconciles against. */
package io.fupin.order.totals;
