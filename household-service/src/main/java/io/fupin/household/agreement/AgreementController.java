package io.fupin.household.agreement;

import io.fupin.household.agreement.PurchaseAgreements.AgreementView;
import io.fupin.household.agreement.PurchaseAgreements.NewAgreement;
import io.fupin.household.agreement.PurchaseAgreements.NewDelivery;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Purchase agreements", description = "三订: enterprises buying households' output, and what was delivered")
class AgreementController {

    private final PurchaseAgreements agreements;

    AgreementController(PurchaseAgreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping("/api/households/purchase-agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an agreement (OFFICIAL, ADMIN)")
    AgreementView record(Caller caller, @RequestBody NewAgreement agreement) {
        return agreements.record(caller, agreement);
    }

    @PostMapping("/api/households/purchase-agreements/{agreementId}/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a delivery under an agreement (OFFICIAL, ADMIN, or the buying SELLER)")
    AgreementView deliver(Caller caller, @PathVariable AgreementId agreementId, @RequestBody NewDelivery delivery) {
        return agreements.deliver(caller, agreementId, delivery);
    }

    @GetMapping("/api/households/purchase-agreements/{agreementId}")
    @Operation(summary = "An agreement with its deliveries and delivered value against the agreed value")
    AgreementView view(Caller caller, @PathVariable AgreementId agreementId) {
        return agreements.view(caller, agreementId);
    }

    @GetMapping("/api/households/{householdId}/purchase-agreements")
    @Operation(summary = "A household's agreements (OFFICIAL, ADMIN, CLERK)")
    Page<AgreementView> ofHousehold(Caller caller, @PathVariable HouseholdId householdId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return agreements.ofHousehold(caller, householdId, PageRequest.of(page, size, 200));
    }
}
