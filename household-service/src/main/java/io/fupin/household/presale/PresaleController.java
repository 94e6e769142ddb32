package io.fupin.household.presale;

import io.fupin.household.presale.PresaleMatching.NewOffer;
import io.fupin.household.presale.PresaleMatching.Offer;
import io.fupin.household.presale.PresaleMatching.Subscribers;
import io.fupin.household.presale.PresaleMatching.VillageWithoutSubscribers;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Presale matching", description = "Households offering future output and their subscribers")
class PresaleController {

    private final PresaleMatching matching;

    PresaleController(PresaleMatching matching) {
        this.matching = matching;
    }

    @PostMapping("/api/households/presale/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that a linked household offers a product on presale (SELLER of the product, OFFICIAL, ADMIN)")
    Offer offer(Caller caller, @RequestBody NewOffer offer) {
        return matching.offer(caller, offer);
    }

    @PostMapping("/api/households/presale/offers/{offerId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an offer (SELLER of the product, OFFICIAL, ADMIN)")
    void withdraw(Caller caller, @PathVariable OfferId offerId) {
        matching.withdraw(caller, offerId);
    }

    @GetMapping("/api/households/presale/offers")
    @Operation(summary = "Open offers with their distinct subscriber counts, optionally in one place (OFFICIAL, ADMIN)")
    Page<Offer> offers(@RequestParam(required = false) UUID placeId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return matching.offers(placeId, PageRequest.of(page, size, 1000));
    }

    @GetMapping("/api/households/presale/without-subscribers")
    @Operation(summary = "Households offering a presale that nobody has subscribed to yet, by village (OFFICIAL, ADMIN)")
    Page<VillageWithoutSubscribers> withoutSubscribers(@RequestParam(required = false) UUID placeId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return matching.withoutSubscribers(placeId, PageRequest.of(page, size, 1000));
    }

    @GetMapping("/api/households/{householdId}/presale-subscribers")
    @Operation(summary = "How many distinct subscribers a household has, in all and per product (OFFICIAL, ADMIN)")
    Subscribers subscribers(@PathVariable HouseholdId householdId) {
        return matching.subscribersOf(householdId);
    }
}
