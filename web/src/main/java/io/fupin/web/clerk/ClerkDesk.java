package io.fupin.web.clerk;

import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** settlement-service (and order-service's refunds owed) through the gateway, as the signed-in clerk. */
@Component
class ClerkDesk {

    record PeriodSummary(UUID periodId, LocalDate firstDay, LocalDate lastDay, String closedBy, Instant closedAt,
            UUID batchId, String batchReference, String batchStatus, long batchTotalFen) {
    }

    record Batch(UUID batchId, UUID periodId, String reference, String status, long totalFen, int lineCount,
            String closedBy, Instant closedAt, String approvedBy, Instant approvedAt, String exportedBy,
            Instant exportedAt, String paidBy, Instant paidAt, String bankReference, List<Line> lines) {

        record Line(UUID householdId, String registrationNumber, String headName, String bankName,
                String maskedAccount, long amountFen, String status, List<UUID> orderIds) {
        }

        /** The sum of the lines: what the payout file's control line must say. */
        long linesTotalFen() {
            return lines == null ? 0 : lines.stream().mapToLong(Line::amountFen).sum();
        }
    }

    record ClosedPeriod(UUID periodId, Batch batch) {
    }

    record Report(UUID periodId, LocalDate firstDay, LocalDate lastDay, long receiptsFen, long refundsFen,
            long costsFen, long allocationsFen, long suspenseFen, long marginFen, boolean identityHolds,
            long unexplainedFen, Allocations allocations, long carriedInFen, long carriedOutFen, long heldBackFen,
            long batchTotalFen, int batchLineCount, List<Difference> differences, Long writtenOffFen) {

        record Allocations(long heldFen, long payableFen, long inPayoutFen, long paidOutFen) {
        }

        record Difference(String kind, String detail, long amountFen, List<UUID> orderIds, List<UUID> householdIds) {
        }
    }

    record SuspenseLine(UUID orderId, int lineNo, UUID productId, UUID sellerId, Instant paidAt, long netFen) {
    }

    /** A clerk's request to a line's seller to declare the linkage it lacks. */
    record FollowUp(UUID followUpId, UUID orderId, int lineNo, UUID productId, UUID sellerId, String note,
            String askedBy, Instant askedAt, boolean resolved) {
    }

    /** A version of a product's linkage as household-service lists it (only what the clerk chooses by). */
    record LinkageVersion(UUID linkageId, int version, String lotName, Instant effectiveFrom, long totalShares) {
    }

    record Allocated(UUID orderId, int lineNo, UUID linkageId, int version, long netFen, boolean allocatedNow) {
    }

    /** A household that owes back after a clawback. */
    record Owed(UUID householdId, String registrationNumber, long owedFen, long heldFen, WriteOff pendingWriteOff) {
    }

    record WriteOff(UUID writeOffId, UUID householdId, long amountFen, String note, String status, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt) {
    }

    record OwedRefund(UUID refundId, UUID orderId, long amountFen, String reason, String status,
            String paymentStatus, int attempts, Instant nextAttemptAt, String lastError, Instant decidedAt) {
    }

    record Statement(UUID householdId, long heldFen, long payableFen, long inPayoutFen, long paidOutFen,
            List<Entry> entries) {

        record Entry(Instant date, String kind, String account, UUID orderId, UUID productId, UUID batchId,
                long amountFen) {
        }
    }

    /** A place of the hierarchy (district, town, village), as household-service lists them. */
    record Place(UUID id, String kind, String name, UUID parentId) {
    }

    /** A household as a clerk may see it (household-service masks the head's name for clerks). */
    record Household(UUID householdId, String registrationNumber, String headName, String category,
            UUID villageId, String villageName, String townName) {
    }

    private static final ParameterizedTypeReference<ApiPage<Place>> PLACES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Household>> HOUSEHOLDS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<PeriodSummary>> PERIODS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<SuspenseLine>> SUSPENSE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<OwedRefund>> REFUNDS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<FollowUp>> FOLLOW_UPS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<LinkageVersion>> VERSIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Owed>> OWED = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<WriteOff>> WRITE_OFFS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;
    private final CurrentUser user;

    ClerkDesk(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    ApiPage<PeriodSummary> periods(int page, int size) {
        return gateway.get(user.requireToken(), "/api/settlements/periods?page={page}&size={size}", PERIODS, page, size);
    }

    ClosedPeriod close(LocalDate firstDay, LocalDate lastDay) {
        return gateway.post(user.requireToken(), "/api/settlements/periods",
                Map.of("firstDay", firstDay.toString(), "lastDay", lastDay.toString()), Map.of(), ClosedPeriod.class);
    }

    Report report(UUID periodId) {
        return gateway.get(user.requireToken(), "/api/settlements/periods/{id}/report", Report.class, periodId);
    }

    Batch batch(UUID batchId) {
        return gateway.get(user.requireToken(), "/api/settlements/batches/{id}", Batch.class, batchId);
    }

    Batch approve(UUID batchId) {
        return gateway.post(user.requireToken(), "/api/settlements/batches/{id}/approval", null, Map.of(), Batch.class,
                batchId);
    }

    byte[] payoutFile(UUID batchId) {
        return gateway.download(user.requireToken(), "/api/settlements/batches/{id}/payout-file", batchId);
    }

    Batch markPaid(UUID batchId, String bankReference, Set<UUID> returned) {
        return gateway.post(user.requireToken(), "/api/settlements/batches/{id}/payment",
                Map.of("bankReference", bankReference, "failedHouseholdIds", returned), Map.of(), Batch.class, batchId);
    }

    ApiPage<SuspenseLine> suspense(int page) {
        return gateway.get(user.requireToken(), "/api/settlements/suspense?page={page}&size=100", SUSPENSE, page);
    }

    FollowUp followUp(UUID orderId, int lineNo, String note) {
        return gateway.post(user.requireToken(), "/api/settlements/suspense/{order}/lines/{line}/follow-ups",
                Map.of("note", note), Map.of(), FollowUp.class, orderId, lineNo);
    }

    ApiPage<FollowUp> followUps() {
        return gateway.get(user.requireToken(), "/api/settlements/suspense/follow-ups?size=200", FOLLOW_UPS);
    }

    /** The versions of a product's linkage, oldest first (household-service). */
    List<LinkageVersion> linkageVersions(UUID productId) {
        return gateway.get(user.requireToken(), "/api/households/products/{id}/linkage/versions?size=200", VERSIONS,
                productId).items();
    }

    Allocated allocate(UUID orderId, int lineNo, UUID linkageId, int version) {
        return gateway.post(user.requireToken(), "/api/settlements/suspense/{order}/lines/{line}/allocation",
                Map.of("linkageId", linkageId.toString(), "version", version), Map.of(), Allocated.class, orderId, lineNo);
    }

    ApiPage<Owed> owed() {
        return gateway.get(user.requireToken(), "/api/settlements/owed?size=200", OWED);
    }

    WriteOff proposeWriteOff(UUID householdId, long amountFen, String note) {
        return gateway.post(user.requireToken(), "/api/settlements/owed/{id}/write-offs",
                Map.of("amountFen", amountFen, "note", note), Map.of(), WriteOff.class, householdId);
    }

    WriteOff approveWriteOff(UUID writeOffId) {
        return gateway.post(user.requireToken(), "/api/settlements/write-offs/{id}/approval", null, Map.of(),
                WriteOff.class, writeOffId);
    }

    WriteOff rejectWriteOff(UUID writeOffId) {
        return gateway.post(user.requireToken(), "/api/settlements/write-offs/{id}/rejection", null, Map.of(),
                WriteOff.class, writeOffId);
    }

    ApiPage<WriteOff> writeOffs() {
        return gateway.get(user.requireToken(), "/api/settlements/write-offs?size=50", WRITE_OFFS);
    }

    ApiPage<OwedRefund> refundsOwed(int page) {
        return gateway.get(user.requireToken(), "/api/payments/refunds?page={page}&size=100", REFUNDS, page);
    }

    Statement statement(UUID householdId) {
        return gateway.get(user.requireToken(), "/api/settlements/households/{id}/statement", Statement.class,
                householdId);
    }

    byte[] statementCsv(UUID householdId) {
        return gateway.download(user.requireToken(), "/api/settlements/households/{id}/statement.csv", householdId);
    }

    List<Place> places() {
        return gateway.get(user.requireToken(), "/api/households/places?size=1000", PLACES).items();
    }

    /** One page of the households of a place (a village, or every household when {@code placeId} is null). */
    ApiPage<Household> households(UUID placeId, int page) {
        return placeId == null
                ? gateway.get(user.requireToken(), "/api/households?page={page}&size=1000", HOUSEHOLDS, page)
                : gateway.get(user.requireToken(), "/api/households?placeId={place}&page={page}&size=1000", HOUSEHOLDS,
                        placeId, page);
    }
}
