/** How household-service answers errors over HTTP. */
package io.fupin.household.web;
