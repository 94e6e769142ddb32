package io.fupin.settlement.resolution;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A clerk's note asking a line's seller (or an official) to declare the linkage the line in suspense lacks. */
@Table("suspense_follow_up")
class SuspenseFollowUp {

    @Id
    private final UUID id;
    private final UUID orderId;
    private final int lineNo;
    private final UUID productId;
    private final UUID sellerId;
    private final String note;
    private final String askedBy;
    private final Instant askedAt;
    @Version
    private Long version;

    SuspenseFollowUp(UUID id, UUID orderId, int lineNo, UUID productId, UUID sellerId, String note, String askedBy,
            Instant askedAt, Long version) {
        this.id = id;
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.productId = productId;
        this.sellerId = sellerId;
        this.note = note;
        this.askedBy = askedBy;
        this.askedAt = askedAt;
        this.version = version;
    }

    static SuspenseFollowUp ask(UUID orderId, int lineNo, UUID productId, UUID sellerId, String note, String clerk,
            Instant now) {
        return new SuspenseFollowUp(UUID.randomUUID(), orderId, lineNo, productId, sellerId, note.strip(), clerk,
                now, null);
    }

    UUID id() {
        return id;
    }

    SuspenseDesk.FollowUp view(boolean resolved) {
        return new SuspenseDesk.FollowUp(id, orderId, lineNo, productId, sellerId, note, askedBy, askedAt, resolved);
    }
}
