/**
 * The event library: one envelope for every event, consumers' typed reading and exactly-once application, and
 * the event tables every service migrates.
 */
package io.fupin.support.events;
