/** The storefront and the public trace pages: server-rendered, calling the API through the gateway. */
package io.fupin.web;
