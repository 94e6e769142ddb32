package io.fupin.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.catalog.product.ProductCategory;
import org.junit.jupiter.api.Test;

class SearchQueryTests {

    private static SearchQuery.Parameters parameters(String category, String sort, String price, Long min, Long max) {
        return new SearchQuery.Parameters(null, category, null, null, min, max, price, sort, 0, 20);
    }

    @Test
    void acceptsEnumeratedValuesInAnyCase() {
        SearchQuery query = SearchQuery.of(parameters("rice", "Price_Asc", null, null, null));
        assertThat(query.category()).isEqualTo(ProductCategory.RICE);
        assertThat(query.sort()).isEqualTo(SearchQuery.Sort.PRICE_ASC);
    }

    @Test
    void reportsEveryUnknownValueWithWhatIsAllowed() {
        assertThatThrownBy(() -> SearchQuery.of(parameters("GOLD", "cheapest", "1-2", null, null)))
                .isInstanceOfSatisfying(InvalidSearchFilter.class, e -> {
                    assertThat(e.rejected()).extracting(InvalidSearchFilter.Rejected::field)
                            .containsExactly("category", "sort", "price");
                    assertThat(e.rejected().get(0).allowed()).contains("RICE", "EGGS");
                    assertThat(e.rejected().get(1).allowed()).containsExactly("relevance", "newest", "price_asc", "price_desc");
                    assertThat(e.rejected().get(2).allowed()).contains("2000-5000", "20000-");
                });
    }

    @Test
    void aPriceBandNarrowsThePriceLimits() {
        SearchQuery band = SearchQuery.of(parameters(null, null, "2000-5000", null, null));
        assertThat(band.minPriceFen()).isEqualTo(2000);
        assertThat(band.maxPriceFen()).isEqualTo(4999);
        SearchQuery both = SearchQuery.of(parameters(null, null, "2000-5000", 3000L, 9000L));
        assertThat(both.minPriceFen()).isEqualTo(3000);
        assertThat(both.maxPriceFen()).isEqualTo(4999);
        SearchQuery top = SearchQuery.of(parameters(null, null, "20000-", null, null));
        assertThat(top.minPriceFen()).isEqualTo(20000);
        assertThat(top.maxPriceFen()).isNull();
    }

    @Test
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> SearchQuery.of(parameters(null, null, null, 5000L, 100L)))
                .isInstanceOfSatisfying(InvalidSearchFilter.class,
                        e -> assertThat(e.rejected()).extracting(InvalidSearchFilter.Rejected::field).containsExactly("maxPriceFen"));
    }

    @Test
    void searchesTownsInSimplifiedCharacters() {
        assertThat(SearchQuery.of(new SearchQuery.Parameters(null, null, null, "雙城鎮", null, null, null, null, 0, 20)).town())
                .isEqualTo("双城镇");
    }
}
