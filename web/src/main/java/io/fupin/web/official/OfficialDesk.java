package io.fupin.web.official;

import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.onboarding.SellerApplication;
import io.fupin.web.security.CurrentUser;
import io.fupin.web.storefront.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** catalog-service and household-service through the gateway, as the signed-in official. */
@Component
class OfficialDesk {

    record CostChange(UUID id, UUID productId, long priceFen, long costFen, String costReason, String evidence,
            long currentPriceFen, long currentCostFen, String status, String requestedBy, Instant requestedAt) {
    }

    record Place(UUID id, String kind, String name, UUID parentId) {
    }

    record Figures(int households, int reached, int onTrack, int behind, long totalIncomeFen, long averageIncomeFen) {
    }

    record PlaceReport(UUID placeId, String kind, String name, int year, Figures total, List<PlaceReport> parts) {
    }

    record Progress(UUID householdId, String registrationNumber, String headName, String category,
            String villageName, String townName, int year, long incomeFen, long targetFen, BigDecimal percent,
            String status, LocalDate reachedOn) {
    }

    /** A dry run's or an import's outcome: the bad lines (a real import answers all or none). */
    record ImportReport(boolean dryRun, String encoding, int rows, int validRows, int imported,
            List<ImportError> errors) {

        ImportReport {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    record ImportError(String field, String message, Integer line) {
    }

    record PresaleOffer(UUID offerId, UUID householdId, UUID productId, String description, LocalDate deliveryDate) {
    }

    record HouseholdWithoutSubscribers(UUID householdId, String registrationNumber, String headName,
            List<PresaleOffer> offers) {
    }

    record VillageWithoutSubscribers(UUID villageId, String villageName, String townName,
            List<HouseholdWithoutSubscribers> households) {
    }

    private static final ParameterizedTypeReference<ApiPage<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<CostChange>> CHANGES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Place>> PLACES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Progress>> PROGRESS = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<ApiPage<VillageWithoutSubscribers>> WITHOUT_SUBSCRIBERS =
            new ParameterizedTypeReference<>() {
            };

    private static final ParameterizedTypeReference<ApiPage<SellerApplication>> APPLICATIONS =
            new ParameterizedTypeReference<>() {
            };

    private final Gateway gateway;
    private final CurrentUser user;

    OfficialDesk(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    ApiPage<Product> products(String status, int page) {
        return gateway.get(user.requireToken(), "/api/catalog/products/worklist?status={status}&page={page}&size=50",
                PRODUCTS, status, page);
    }

    void approve(UUID productId) {
        gateway.post(user.requireToken(), "/api/catalog/products/{id}/certification/approve", null, Map.of(),
                Product.class, productId);
    }

    /** {@code decision}: reject (a request) or revoke (a certified product), each with its reason. */
    void decide(UUID productId, String decision, String reason) {
        String path = "reject".equals(decision) ? "/api/catalog/products/{id}/certification/reject"
                : "/api/catalog/products/{id}/revoke";
        gateway.post(user.requireToken(), path, Map.of("reason", reason), Map.of(), Product.class, productId);
    }

    ApiPage<CostChange> costChanges(int page) {
        return gateway.get(user.requireToken(), "/api/catalog/cost-changes?page={page}&size=50", CHANGES, page);
    }

    void decideCostChange(UUID changeId, boolean approve, String reason) {
        if (approve) {
            gateway.post(user.requireToken(), "/api/catalog/cost-changes/{id}/approve", null, Map.of(), Map.class,
                    changeId);
        } else {
            gateway.post(user.requireToken(), "/api/catalog/cost-changes/{id}/reject", Map.of("reason", reason),
                    Map.of(), Map.class, changeId);
        }
    }

    /** The top of the hierarchy (the district) when no place is asked for. */
    UUID district() {
        return gateway.get(user.requireToken(), "/api/households/places?size=1000", PLACES).items().stream()
                .filter(place -> "DISTRICT".equals(place.kind())).map(Place::id).findFirst().orElse(null);
    }

    PlaceReport report(UUID placeId, int year) {
        return gateway.get(user.requireToken(), "/api/households/reports/places/{id}?year={year}", PlaceReport.class,
                placeId, year);
    }

    /** {@code status} BEHIND, ON_TRACK, REACHED or empty for all. */
    ApiPage<Progress> households(UUID placeId, int year, String status, int page) {
        return gateway.get(user.requireToken(),
                "/api/households/reports/places/{id}/households?year={year}&status={status}&page={page}&size=100",
                PROGRESS, placeId, year, status == null ? "" : status, page);
    }

    /** A household CSV sent to household-service as it was uploaded: checked only, or registered (all rows or none). */
    ImportReport importHouseholds(String filename, byte[] file, boolean dryRun) {
        return gateway.postFile(user.requireToken(), "/api/households/import?dryRun={dryRun}", "file", filename,
                MediaType.parseMediaType("text/csv"), file, ImportReport.class, dryRun);
    }

    /** Villages with households that offer a presale nobody has subscribed to yet. */
    ApiPage<VillageWithoutSubscribers> withoutSubscribers(int page) {
        return gateway.get(user.requireToken(), "/api/households/presale/without-subscribers?page={page}&size=200",
                WITHOUT_SUBSCRIBERS, page);
    }

    /** Seller applications waiting for an official, oldest first. */
    ApiPage<SellerApplication> sellerApplications(int page) {
        return gateway.get(user.requireToken(), "/api/catalog/seller-applications?status=PENDING&page={page}&size=50",
                APPLICATIONS, page);
    }

    void decideSellerApplication(UUID id, boolean approve, String reason) {
        if (approve) {
            gateway.post(user.requireToken(), "/api/catalog/seller-applications/{id}/approve", null, Map.of(),
                    SellerApplication.class, id);
        } else {
            gateway.post(user.requireToken(), "/api/catalog/seller-applications/{id}/reject", Map.of("reason", reason),
                    Map.of(), SellerApplication.class, id);
        }
    }
}
