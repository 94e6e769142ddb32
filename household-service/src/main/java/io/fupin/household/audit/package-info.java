/** Who saw unmasked personal data and who changed what, when: an append-only log readable by admins. */
package io.fupin.household.audit;
