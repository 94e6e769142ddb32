package io.fupin.web.storefront;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The catalog and the public household figures, through the gateway. */
@Component
public class Catalog {

    private final Gateway gateway;
    private final CurrentUser user;

    Catalog(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    public Product product(UUID id) {
        return gateway.get(user.token().orElse(null), "/api/catalog/products/{id}", Product.class, id);
    }

    public SearchResult search(SearchForm form, int size) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/catalog/products")
                .queryParam("page", Math.max(0, form.page()))
                .queryParam("size", size);
        if (form.hasQuery()) {
            uri.queryParam("q", form.q().strip());
        }
        if (form.category() != null && !form.category().isBlank()) {
            uri.queryParam("category", form.category());
        }
        if (form.town() != null && !form.town().isBlank()) {
            uri.queryParam("town", form.town());
        }
        if (form.seller() != null) {
            uri.queryParam("sellerId", form.seller());
        }
        PriceBand band = PriceBand.of(form.price());
        if (band != null) {
            if (band.fromFen() != null) {
                uri.queryParam("minPriceFen", band.fromFen());
            }
            if (band.toFen() != null) {
                uri.queryParam("maxPriceFen", band.toFen() - 1);
            }
        }
        if (form.sort() != null && !form.sort().isBlank()) {
            uri.queryParam("sort", form.sort());
        }
        return gateway.get(user.token().orElse(null), uri.encode().build().toUri(), SearchResult.class);
    }

    /** The households sharing in a product, or {@code null} when it has no linkage declared. */
    public Beneficiaries beneficiaries(UUID productId) {
        try {
            return gateway.get(null, "/api/households/public/products/{id}/beneficiaries", Beneficiaries.class,
                    productId);
        } catch (ApiProblem none) {
            return null;
        }
    }
}
