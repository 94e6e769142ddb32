/** How order-service answers errors over HTTP. */
package io.fupin.order.web;
