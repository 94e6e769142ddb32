/** The household registry: who the households are, where they live, how they are paid; personal data protected. */
package io.fupin.household.registry;
