package io.fupin.web.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller application as catalog-service answers it (the applicant's page and the official's queue). */
public record SellerApplication(UUID id, String applicant, String name, String kind, String creditCode,
        Contact contact, String town, String village, List<String> documents, String status, Instant submittedAt,
        String decidedBy, Instant decidedAt, String reason, UUID sellerId) {

    public record Contact(String name, String phone) {
    }
}
