package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.search.SearchIndexer.Reindexed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Search", description = "Finding certified products on sale")
class SearchController {

    static final int MAX_PAGE_SIZE = 100;
    static final String DEGRADED_HEADER = "X-Search-Degraded";

    private final ProductSearch search;
    private final SearchIndexer indexer;

    SearchController(ProductSearch search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @GetMapping("/api/catalog/products")
    @Operation(summary = "Search certified products on sale (no token needed): items, total, facets; "
            + "answered from MariaDB with degraded=true and the X-Search-Degraded header while Elasticsearch is away")
    ResponseEntity<SearchResult> search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) ProductCategory category,
            @RequestParam(required = false) UUID sellerId,
            @RequestParam(required = false) @Size(max = 100) String town,
            @RequestParam(required = false) @PositiveOrZero Long minPriceFen,
            @RequestParam(required = false) @PositiveOrZero Long maxPriceFen,
            @RequestParam(defaultValue = "relevance")
            @Pattern(regexp = "(?i)relevance|newest|price_asc|price_desc", message = "must be relevance, newest, price_asc or price_desc")
            String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        SearchResult result = search.search(new SearchQuery(blankToNull(q), category, sellerId, blankToNull(town),
                minPriceFen, maxPriceFen, SearchQuery.Sort.valueOf(sort.toUpperCase(Locale.ROOT)), page, size));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (result.degraded()) {
            answer.header(DEGRADED_HEADER, "true");
        }
        return answer.body(result);
    }

    @PostMapping("/api/catalog/search/reindex")
    @Operation(summary = "Rebuild the search index from MariaDB and swap it in without downtime (ADMIN)")
    Reindexed reindex() {
        return indexer.reindex();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
