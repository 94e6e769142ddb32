/** The administrative places households live in: district → town (镇/乡) → village (村). */
package io.fupin.household.places;
