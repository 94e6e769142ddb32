/** The administrators' console: dead-letter events with a replay, flagged payment callbacks, livestream limits. */
package io.fupin.web.admin;
