/** Livestream flash sales: per-buyer limits so that bots cannot empty a product's stock. */
package io.fupin.order.livestream;
