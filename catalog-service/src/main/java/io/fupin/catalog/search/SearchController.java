package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductPhotos;
import io.fupin.catalog.search.SearchIndexer.Reindexed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Finding certified products on sale")
class SearchController {

    static final int MAX_PAGE_SIZE = 100;
    static final String DEGRADED_HEADER = "X-Search-Degraded";

    private final ProductSearch search;
    private final SearchIndexer indexer;
    private final ProductPhotos photos;

    SearchController(ProductSearch search, SearchIndexer indexer, ProductPhotos photos) {
        this.search = search;
        this.indexer = indexer;
        this.photos = photos;
    }

    @GetMapping("/api/catalog/products")
    @Operation(summary = "Search certified products on sale (no token needed)", description = """
            Finds products on sale with a certificate valid today. `q` is matched in simplified or traditional \
            characters alike (鸡蛋 finds 雞蛋 and the reverse), in pinyin or its initials (`dami`, `dm`), and \
            forgives a wrong character of the same sound (大迷, 稻花想) or a pinyin typo (`dahuaxiang`); \
            quantities in it (`5kg`, `5公斤`, `10枚`) only raise products of that pack size. The answer has \
            `items`, `total` and `facets` (category, seller, town, price band, each bucket with the `key` its \
            filter takes and a display `name`). While Elasticsearch is away the answer comes from MariaDB with \
            `degraded: true` and the header `X-Search-Degraded: true`. A filter value outside its allowed values \
            answers 400 `invalid-request` naming the field, with `allowedValues`.""")
    @ApiResponse(responseCode = "200", description = "A page of products with facets")
    @ApiResponse(responseCode = "400", description = "An invalid parameter: `errors[]` names each one; "
            + "`allowedValues` lists what an enumerated filter takes",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<SearchResult> search(
            @Parameter(description = "What the shopper typed: Chinese in either script, pinyin, initials, quantities")
            @RequestParam(required = false) @Size(max = 100) String q,
            @Parameter(description = "A category code, any case (`rice` = `RICE`)",
                    schema = @Schema(allowableValues = {"RICE", "PEANUTS", "EGGS", "MILLET", "VEGETABLES", "POULTRY",
                            "MEAT", "HERBS", "OTHER"}))
            @RequestParam(required = false) String category,
            @Parameter(description = "Only this seller's products (the seller facet's key)")
            @RequestParam(required = false) UUID sellerId,
            @Parameter(description = "Only products of this town, in either script (the town facet's key)")
            @RequestParam(required = false) @Size(max = 100) String town,
            @Parameter(description = "Lowest price in fen, inclusive")
            @RequestParam(required = false) @PositiveOrZero Long minPriceFen,
            @Parameter(description = "Highest price in fen, inclusive; not below minPriceFen")
            @RequestParam(required = false) @PositiveOrZero Long maxPriceFen,
            @Parameter(description = "A price band, as the price facet's key; combines with minPriceFen and maxPriceFen",
                    schema = @Schema(allowableValues = {"0-2000", "2000-5000", "5000-10000", "10000-20000", "20000-"}))
            @RequestParam(required = false) String price,
            @Parameter(description = "Order, any case; relevance means newest first when there is no q",
                    schema = @Schema(allowableValues = {"relevance", "newest", "price_asc", "price_desc"},
                            defaultValue = "relevance"))
            @RequestParam(required = false) String sort,
            @Parameter(description = "Page number from 0; page × size + size may not pass 10,000")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 100")
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        SearchResult result = search.search(SearchQuery.of(new SearchQuery.Parameters(q, category, sellerId, town,
                minPriceFen, maxPriceFen, price, sort, page, size))).linked();
        result = result.withPhotoUrls(photos.urlsOf(result.items().stream().map(SearchItem::id).toList()));
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
}
