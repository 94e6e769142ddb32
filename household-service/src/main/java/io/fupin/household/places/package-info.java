/** The administrative places households live in: district → town (鎮/鄉) → village (村). */
package io.fupin.household.places;
