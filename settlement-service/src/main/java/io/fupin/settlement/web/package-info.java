/** How settlement-service answers errors over HTTP. */
package io.fupin.settlement.web;
