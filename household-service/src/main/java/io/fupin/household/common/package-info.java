/**
 * What every feature shares: input that breaks a business rule, field by field (and line by line), and the base
 * of aggregates whose ids are chosen in code.
 */
package io.fupin.household.common;
