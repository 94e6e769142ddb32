/**
 * The officials' console: the certification queue (approve, reject, revoke), pending cost changes, and income
 * progress against the target by town and village down to the households behind it.
 */
package io.fupin.web.official;
