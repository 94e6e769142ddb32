package io.fupin.household.presale;

import io.fupin.household.registry.HouseholdId;
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
import io.fupin.household.places.VillageRef;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
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

    private final Offers offers;
    private final BenefitLinkages linkages;
    private final Registry registry;
    private final Places places;
    private final AuditLog audit;
    private final Clock clock;

    PresaleMatching(Offers offers, BenefitLinkages linkages, Registry registry, Places places,
            AuditLog audit, Clock clock) {
        this.offers = offers;
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
                offers.subscribe(share.householdId(), line.productId(), paid.buyerId(), paid.orderId(), paid.paidAt());
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
        PresaleOffer offer = PresaleOffer.make(request.householdId(), request.productId(), request.description(),
                request.deliveryDate(), caller.userId(), clock.instant());
        try {
            offers.save(offer);
        } catch (DuplicateKeyException e) {
            throw new OfferExists();
        }
        audit.record(caller, "OFFER_PRESALE", "HOUSEHOLD", request.householdId(), "offer " + offer.id().value() + " of product "
                + request.productId() + " for " + request.deliveryDate());
        Offers.OpenOffer open = new Offers.OpenOffer(offer.id(), offer.householdId(), offer.productId(),
                offer.description(), offer.deliveryDate(), offer.status().name(),
                offers.countSubscribers(offer.householdId(), offer.productId()));
        return view(open, registry.summaries(List.of(offer.householdId())));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofOffer(#offerId)")
    public void withdraw(Caller caller, OfferId offerId) {
        PresaleOffer offer = offers.findById(offerId).orElseThrow(() -> new OfferNotFound(offerId));
        offer.withdraw();
        offers.save(offer);
        audit.record(caller, "WITHDRAW_PRESALE", "HOUSEHOLD", offer.householdId(), "offer " + offerId.value() + " withdrawn");
    }

    /** A page of the open offers in a place (all when null) with their distinct subscriber counts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Page<Offer> offers(UUID placeId, PageRequest page) {
        List<UUID> villages = villagesIn(placeId);
        if (villages.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        List<Offers.OpenOffer> open = offers.openIn(villages, page.size(), page.offset());
        Map<UUID, HouseholdSummary> households = registry.summaries(open.stream().map(Offers.OpenOffer::householdId).toList());
        return Page.of(open.stream().map(o -> view(o, households)).toList(), page, offers.countOpenIn(villages));
    }

    public record VillageWithoutSubscribers(UUID villageId, String villageName, String townName,
            List<HouseholdWithoutSubscribers> households) {
    }

    public record HouseholdWithoutSubscribers(UUID householdId, String registrationNumber, String headName,
            List<Offer> offers) {
    }

    /** A page of the villages where a household has an open offer that nobody has subscribed to yet. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Page<VillageWithoutSubscribers> withoutSubscribers(UUID placeId, PageRequest page) {
        if (placeId != null) {
            places.get(placeId);
        }
        List<UUID> villages = villagesIn(placeId);
        if (villages.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        List<UUID> onPage = offers.villagesWithoutSubscribers(villages, page.size(), page.offset());
        List<Offers.OpenOffer> unanswered = onPage.isEmpty() ? List.of() : offers.withoutSubscribersIn(onPage);
        Map<UUID, HouseholdSummary> households = registry.summaries(
                unanswered.stream().map(Offers.OpenOffer::householdId).toList());
        Map<UUID, List<Offer>> byVillage = unanswered.stream().map(o -> view(o, households))
                .collect(Collectors.groupingBy(Offer::villageId));
        // the queries share the transaction's snapshot: each village on the page has its offers
        List<VillageWithoutSubscribers> items = onPage.stream().map(byVillage::get).map(inVillageOffers -> {
            Offer first = inVillageOffers.getFirst();
            List<HouseholdWithoutSubscribers> inVillage = inVillageOffers.stream()
                    .collect(Collectors.groupingBy(Offer::householdId, LinkedHashMap::new, Collectors.toList()))
                    .values().stream().map(o -> new HouseholdWithoutSubscribers(o.getFirst().householdId(),
                            o.getFirst().registrationNumber(), o.getFirst().headName(), o))
                    .sorted(Comparator.comparing(HouseholdWithoutSubscribers::registrationNumber)).toList();
            return new VillageWithoutSubscribers(first.villageId(), first.villageName(), first.townName(), inVillage);
        }).toList();
        return Page.of(items, page, offers.countVillagesWithoutSubscribers(villages));
    }

    public record Subscribers(UUID householdId, long distinctSubscribers, Map<UUID, Long> byProduct) {
    }

    /** The product an offer is for, if the offer exists. */
    @Transactional(readOnly = true)
    public Optional<UUID> productOf(OfferId offerId) {
        return offers.findById(offerId).map(PresaleOffer::productId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Subscribers subscribersOf(HouseholdId householdId) {
        Map<UUID, Long> byProduct = new LinkedHashMap<>();
        offers.subscribersByProduct(householdId.value()).forEach(p -> byProduct.put(p.productId(), p.subscribers()));
        return new Subscribers(householdId.value(), offers.countDistinctSubscribers(householdId.value()), byProduct);
    }

    /** The villages within a place (every village when null; none when there is no such place). */
    private List<UUID> villagesIn(UUID placeId) {
        return places.villages().values().stream().filter(v -> Places.within(v, placeId))
                .map(VillageRef::villageId).toList();
    }

    private static Offer view(Offers.OpenOffer o, Map<UUID, HouseholdSummary> households) {
        HouseholdSummary h = households.get(o.householdId());
        return new Offer(o.offerId().value(), o.householdId(), h.registrationNumber(), h.headName(), h.village().villageId(),
                h.village().villageName(), h.village().townName(), o.productId(), o.description(), o.deliveryDate(),
                o.status(), o.subscribers());
    }
}
