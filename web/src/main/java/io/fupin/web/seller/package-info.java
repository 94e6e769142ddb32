/**
 * The seller console: a cooperative's or enterprise's products, certification, prices and stock, the orders it
 * must ship and the refund requests it must decide, all through the API as the signed-in seller.
 */
package io.fupin.web.seller;
