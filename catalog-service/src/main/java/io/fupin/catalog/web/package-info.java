/** How catalog-service answers errors over HTTP. */
package io.fupin.catalog.web;
