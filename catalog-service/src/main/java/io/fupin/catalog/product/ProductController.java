package io.fupin.catalog.product;

import io.fupin.catalog.product.ProductCatalog.ProductPage;
import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/products")
@Validated
@Tag(name = "Products", description = "Certified products on sale")
class ProductController {

    static final int MAX_PAGE_SIZE = 100;

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Browse products on sale, newest first (no token needed)")
    ProductPage browse(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return catalog.onSale(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product")
    ProductView product(@PathVariable UUID id) {
        return catalog.product(id);
    }

    @PostMapping
    @Operation(summary = "List a product (SELLER for its own seller, or ADMIN)")
    ResponseEntity<ProductView> list(Caller caller, @Valid @RequestBody NewProduct request) {
        ProductView product = catalog.list(caller, request);
        return ResponseEntity.created(URI.create("/api/catalog/products/" + product.id())).body(product);
    }
}
