package io.fupin.household.presale;

import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.linkage.BenefitLinkages;
import io.fupin.household.linkage.LinkageVersion;
import io.fupin.household.places.Places;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.registry.Registry;
import io.fupin.support.identity.Caller;
import io.fupin.support.events.EventEnvelope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule is that every household offering a presale has at least one subscriber. A paid presale line
 * of a linked product makes its buyer a subscriber of every household in the linkage version in force
 * at payment; subscribers are counted distinct per household and product.
 */
@Service
public class PresaleMatching {

    private static final Logger log = LoggerFactory.getLogger(PresaleMatching.class);

    private final JdbcClient jdbc;
    private final BenefitLinkages linkages;
    private final Registry registry;
    private final Places places;
    private final AuditLog audit;
    private final Clock clock;

    PresaleMatching(JdbcClient jdbc, BenefitLinkages linkages, Registry registry, Places places,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.linkages = linkages;
        this.registry = registry;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs in the transaction that records the event's id (the order events listener's). */
    void apply(EventEnvelope<OrderEventMessage> event) {
        switch (event.payload()) {
            case OrderEventMessage.OrderPaid paid -> paid(event, paid);
        }
    }

    private void paid(EventEnvelope<OrderEventMessage> event, OrderEventMessage.OrderPaid paid) {
        if (paid.buyerId() == null || paid.buyerId().isBlank()) {
            log.warn("OrderPaid {} without a buyer: no subscriber to count", event.eventId());
            return;
        }
        for (OrderEventMessage.Line line : paid.lines() == null ? List.<OrderEventMessage.Line>of() : paid.lines()) {
            if (line.presaleDeliveryDate() == null) {
                continue;
            }
            Optional<LinkageVersion> version = linkages.inForceAt(line.productId(), paid.paidAt());
            if (version.isEmpty()) {
                log.debug("Presale line of product {} without a linkage: no household to credit", line.productId());
                continue;
            }
            for (LinkageVersion.ShareView share : version.get().shares()) {
                jdbc.sql("""
                        INSERT IGNORE INTO presale_subscription (household_id, product_id, buyer_id, first_order_id, subscribed_at)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(share.householdId().toString(), line.productId().toString(), paid.buyerId(),
                                paid.orderId().toString(), Timestamp.from(paid.paidAt()))
                        .update();
            }
        }
    }

    public record NewOffer(UUID householdId, UUID productId, String description, LocalDate deliveryDate) {
    }

    public record Offer(UUID offerId, UUID householdId, String registrationNumber, String headName, UUID villageId,
            String villageName, String townName, UUID productId, String description, LocalDate deliveryDate,
            String status, long subscribers) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofProduct(#request.productId())")
    public Offer offer(Caller caller, NewOffer request) {
        List<Violation> problems = new ArrayList<>();
        if (request.householdId() == null) {
            problems.add(new Violation("householdId", "is required"));
        }
        if (request.productId() == null) {
            problems.add(new Violation("productId", "is required"));
        }
        if (request.description() == null || request.description().isBlank() || request.description().length() > 500) {
            problems.add(new Violation("description", "must be 1 to 500 characters"));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        if (request.deliveryDate() == null || request.deliveryDate().isBefore(today)) {
            problems.add(new Violation("deliveryDate", "is required and must not be in the past"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LinkageVersion linkage = linkages.inForceAt(request.productId(), clock.instant())
                .orElseThrow(() -> InvalidInput.of("productId", "has no benefit linkage in force"));
        if (linkage.shares().stream().noneMatch(s -> s.householdId().equals(request.householdId()))) {
            throw InvalidInput.of("householdId", "does not share in this product's linkage");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO presale_offer (id, household_id, product_id, description, delivery_date, status, offered_by, offered_at)
                    VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                    .params(id.toString(), request.householdId().toString(), request.productId().toString(),
                            request.description().strip(), Date.valueOf(request.deliveryDate()), caller.userId(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OfferExists();
        }
        audit.record(caller, "OFFER_PRESALE", "HOUSEHOLD", request.householdId(), "offer " + id + " of product "
                + request.productId() + " for " + request.deliveryDate());
        return offers(null).stream().filter(o -> o.offerId().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofOffer(#offerId)")
    public void withdraw(Caller caller, UUID offerId) {
        record Row(UUID productId, UUID householdId) {
        }
        Row row = jdbc.sql("SELECT product_id, household_id FROM presale_offer WHERE id = ?").param(offerId.toString())
                .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2))))
                .optional().orElseThrow(() -> new OfferNotFound(offerId));
        jdbc.sql("UPDATE presale_offer SET status = 'WITHDRAWN' WHERE id = ?").param(offerId.toString()).update();
        audit.record(caller, "WITHDRAW_PRESALE", "HOUSEHOLD", row.householdId(), "offer " + offerId + " withdrawn");
    }

    /** Open offers in a place (all when null) with their distinct subscriber counts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public List<Offer> offers(UUID placeId) {
        record Row(UUID id, UUID householdId, UUID productId, String description, LocalDate deliveryDate, String status,
                long subscribers) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT o.id, o.household_id, o.product_id, o.description, o.delivery_date, o.status,
                  (SELECT COUNT(*) FROM presale_subscription s WHERE s.household_id = o.household_id AND s.product_id = o.product_id)
                FROM presale_offer o WHERE o.status = 'OPEN' ORDER BY o.delivery_date, o.offered_at""")
                .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        UUID.fromString(rs.getString(3)), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getLong(7)))
                .list();
        Map<UUID, HouseholdSummary> households = registry.summaries(rows.stream().map(Row::householdId).toList());
        return rows.stream().map(r -> {
            HouseholdSummary h = households.get(r.householdId());
            return new Offer(r.id(), r.householdId(), h.registrationNumber(), h.headName(), h.village().villageId(),
                    h.village().villageName(), h.village().townName(), r.productId(), r.description(), r.deliveryDate(),
                    r.status(), r.subscribers());
        }).filter(o -> placeId == null || Places.within(households.get(o.householdId()).village(), placeId)).toList();
    }

    public record VillageWithoutSubscribers(UUID villageId, String villageName, String townName,
            List<HouseholdWithoutSubscribers> households) {
    }

    public record HouseholdWithoutSubscribers(UUID householdId, String registrationNumber, String headName,
            List<Offer> offers) {
    }

    /** Households with an open offer that nobody has subscribed to yet, grouped by village. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public List<VillageWithoutSubscribers> withoutSubscribers(UUID placeId) {
        if (placeId != null) {
            places.get(placeId);
        }
        Map<UUID, List<Offer>> byVillage = offers(placeId).stream().filter(o -> o.subscribers() == 0)
                .collect(Collectors.groupingBy(Offer::villageId, LinkedHashMap::new, Collectors.toList()));
        return byVillage.values().stream().map(offers -> {
            Offer first = offers.getFirst();
            List<HouseholdWithoutSubscribers> households = offers.stream()
                    .collect(Collectors.groupingBy(Offer::householdId, LinkedHashMap::new, Collectors.toList()))
                    .values().stream().map(o -> new HouseholdWithoutSubscribers(o.getFirst().householdId(),
                            o.getFirst().registrationNumber(), o.getFirst().headName(), o))
                    .sorted(Comparator.comparing(HouseholdWithoutSubscribers::registrationNumber)).toList();
            return new VillageWithoutSubscribers(first.villageId(), first.villageName(), first.townName(), households);
        }).sorted(Comparator.comparing(VillageWithoutSubscribers::townName)
                .thenComparing(VillageWithoutSubscribers::villageName)).toList();
    }

    public record Subscribers(UUID householdId, long distinctSubscribers, Map<UUID, Long> byProduct) {
    }

    /** The product an offer is for, if the offer exists. */
    @Transactional(readOnly = true)
    public Optional<UUID> productOf(UUID offerId) {
        return jdbc.sql("SELECT product_id FROM presale_offer WHERE id = ?").param(offerId.toString())
                .query(String.class).optional().map(UUID::fromString);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Subscribers subscribersOf(UUID householdId) {
        long distinct = jdbc.sql("SELECT COUNT(DISTINCT buyer_id) FROM presale_subscription WHERE household_id = ?")
                .param(householdId.toString()).query(Long.class).single();
        Map<UUID, Long> byProduct = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, COUNT(*) FROM presale_subscription WHERE household_id = ? GROUP BY product_id ORDER BY product_id")
                .param(householdId.toString())
                .query((rs, n) -> byProduct.put(UUID.fromString(rs.getString(1)), rs.getLong(2))).list();
        return new Subscribers(householdId, distinct, byProduct);
    }

}
