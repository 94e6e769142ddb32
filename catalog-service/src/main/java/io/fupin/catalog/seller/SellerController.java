package io.fupin.catalog.seller;

import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/sellers")
@Tag(name = "Sellers", description = "Cooperatives, enterprises and village collectives")
class SellerController {

    private final SellerRegistry registry;

    SellerController(SellerRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a seller (OFFICIAL, ADMIN); its id derives from the credit code")
    ResponseEntity<SellerView> register(@Valid @RequestBody RegisterSeller request) {
        SellerView seller = registry.register(request);
        return ResponseEntity.created(URI.create("/api/catalog/sellers/" + seller.id().value())).body(seller);
    }

    @GetMapping
    @Operation(summary = "Sellers by name; contacts only for officials, admins and the seller itself")
    Page<SellerView> list(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return registry.list(caller, PageRequest.of(page, size, 200));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One seller")
    SellerView seller(Caller caller, @PathVariable SellerId id) {
        return registry.seller(caller, id);
    }
}
