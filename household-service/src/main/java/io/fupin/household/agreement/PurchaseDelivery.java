package io.fupin.household.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** What the enterprise took in under an agreement on one day, valued at the agreed price. */
@Table("purchase_delivery")
record PurchaseDelivery(@Id UUID id, LocalDate deliveredOn, long quantity, long valueFen, String note,
        String recordedBy, Instant recordedAt) {
}
