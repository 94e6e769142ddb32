/** What a page shows when a service is down or the session's token expired. */
package io.fupin.web.errors;
