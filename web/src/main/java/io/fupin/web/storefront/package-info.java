/** Home, search and product pages: the catalog as consumers browse it. */
package io.fupin.web.storefront;
