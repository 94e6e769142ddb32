package io.fupin.catalog.product;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.AccessDenied;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProductCatalog {

    private final Products products;
    private final Clock clock;

    ProductCatalog(Products products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** One page of the products on sale, newest first, with the total count. */
    @Transactional(readOnly = true)
    public ProductPage onSale(int page, int size) {
        List<ProductView> items = products.findByStatusOrderByCreatedAtDesc(ProductStatus.ON_SALE, PageRequest.of(page, size))
                .stream().map(ProductView::of).toList();
        return new ProductPage(items, products.countByStatus(ProductStatus.ON_SALE), page, size);
    }

    @Transactional(readOnly = true)
    public ProductView product(UUID id) {
        return products.findById(id).map(ProductView::of).orElseThrow(() -> new ProductNotFound(id));
    }

    /** A seller lists a product of its own; an admin may list one for any seller. */
    @Transactional
    public ProductView list(Caller caller, NewProduct request) {
        caller.requireAnyRole("SELLER", "ADMIN");
        UUID sellerId = caller.hasRole("ADMIN") && request.sellerId() != null ? request.sellerId() : caller.sellerId();
        if (sellerId == null) {
            throw new AccessDenied("Only a user bound to a seller can list products.");
        }
        if (caller.hasRole("SELLER") && !caller.hasRole("ADMIN") && request.sellerId() != null
                && !request.sellerId().equals(caller.sellerId())) {
            throw new AccessDenied("A seller lists only its own products.");
        }
        Product product = Product.list(sellerId, request.name().strip(), request.category(), request.unit().strip(),
                request.priceFen(), request.costFen(), request.stock(), clock.instant());
        return ProductView.of(products.save(product));
    }

    public record ProductPage(List<ProductView> items, long total, int page, int size) {
    }
}
