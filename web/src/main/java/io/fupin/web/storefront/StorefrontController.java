package io.fupin.web.storefront;

import io.fupin.web.WebProperties;
import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

@Controller
class StorefrontController {

    static final int PAGE_SIZE = 12;
    private static final int HOME_PRODUCTS = 40;

    private final Catalog catalog;
    private final WebProperties properties;
    private final Formats formats;

    StorefrontController(Catalog catalog, WebProperties properties, Formats formats) {
        this.catalog = catalog;
        this.properties = properties;
        this.formats = formats;
    }

    @GetMapping("/")
    String home(Model model) {
        Fetched<SearchResult> recent = Fetched.of(() -> catalog.search(
                new SearchForm(null, null, null, null, null, "newest", 0), HOME_PRODUCTS));
        Fetched<SearchResult> featured = properties.featuredProduct().isBlank() ? new Fetched<>(null, false)
                : Fetched.of(() -> catalog.search(
                        new SearchForm(properties.featuredProduct(), null, null, null, null, null, 0), 1));
        model.addAttribute("catalogDown", recent.down());
        model.addAttribute("featured", featured.present() && !featured.value().items().isEmpty()
                ? featured.value().items().getFirst() : null);
        Map<String, List<SearchResult.Item>> byCategory = recent.present()
                ? recent.value().items().stream().collect(Collectors.groupingBy(SearchResult.Item::category,
                        LinkedHashMap::new, Collectors.toList()))
                : Map.of();
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("categories", recent.present() ? recent.value().facets().category() : List.of());
        return "home";
    }

    @GetMapping("/search")
    String search(SearchForm form, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("search", form);
        Fetched<SearchResult> result;
        try {
            result = Fetched.of(() -> catalog.search(form, PAGE_SIZE));
        } catch (ApiProblem invalid) {
            model.addAttribute("invalid", invalid.detail());
            result = new Fetched<>(null, false);
        }
        model.addAttribute("catalogDown", result.down());
        model.addAttribute("result", result.value());
        if (result.present() && result.value().totalItems() == 0) {
            // Suggestions for an empty result: the categories that do have products.
            Fetched<SearchResult> all = Fetched.of(() -> catalog.search(
                    new SearchForm(null, null, null, null, null, null, 0), 1));
            model.addAttribute("suggestions", all.present() ? all.value().facets().category() : List.of());
        }
        return htmx != null ? "search :: results" : "search";
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable UUID id, Model model) {
        Product product;
        try {
            product = catalog.product(id);
        } catch (ApiProblem notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notFound.detail());
        }
        model.addAttribute("product", product);
        model.addAttribute("buyable", product.buyable(formats.today()));
        model.addAttribute("beneficiaries", Fetched.of(() -> catalog.beneficiaries(id)));
        return "product";
    }
}
