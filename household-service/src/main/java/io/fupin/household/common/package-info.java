/** The one refusal every feature shares: input that breaks a business rule, field by field (and line by line). */
package io.fupin.household.common;
