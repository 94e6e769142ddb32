package io.fupin.catalog.seller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A would-be seller's application as it stands: pending until an official approves it (the seller is registered,
 * {@code sellerId} names it) or rejects it with the {@code reason} the applicant reads.
 */
public record SellerApplication(UUID id, String applicant, String name, SellerKind kind, String creditCode,
        SellerView.Contact contact, String town, String village, List<String> documents, Status status,
        Instant submittedAt, String decidedBy, Instant decidedAt, String reason, SellerId sellerId) {

    public enum Status { PENDING, APPROVED, REJECTED }

    static SellerApplication submit(String applicant, ApplyAsSeller request, Instant now) {
        return new SellerApplication(UUID.randomUUID(), applicant, request.name().strip(), request.kind(),
                request.creditCode(), new SellerView.Contact(request.contact().name().strip(),
                request.contact().phone().strip()), request.town().strip(), request.village().strip(),
                request.documents().stream().map(String::strip).toList(), Status.PENDING, now, null, null, null, null);
    }

    SellerApplication approve(String official, SellerId seller, Instant now) {
        requirePending();
        return new SellerApplication(id, applicant, name, kind, creditCode, contact, town, village, documents,
                Status.APPROVED, submittedAt, official, now, null, seller);
    }

    SellerApplication reject(String official, String why, Instant now) {
        requirePending();
        return new SellerApplication(id, applicant, name, kind, creditCode, contact, town, village, documents,
                Status.REJECTED, submittedAt, official, now, why, null);
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new SellerApplicationDecided(id, status);
        }
    }
}
