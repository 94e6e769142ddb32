package io.fupin.catalog.search;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.problem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.catalog.product.ProductPhotos;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Searching and reindexing: how a filter outside its values, a page too deep and a busy or absent index read. */
@ControllerSlice(SearchController.class)
class SearchControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    ProductSearch search;

    @MockitoBean
    SearchIndexer indexer;

    @MockitoBean
    ProductPhotos photos;

    @Test
    void filtersOutsideTheirValuesAreNamedWithWhatTheyMayBe() throws Exception {
        mvc.perform(get("/api/catalog/products").param("category", "fish").param("sort", "cheapest")
                .with(callers.anonymous()))
                .andExpect(invalid("category", "sort"))
                .andExpect(jsonPath("$.allowedValues.category").value(hasItems("RICE", "EGGS")))
                .andExpect(jsonPath("$.allowedValues.sort").value(hasItems("relevance", "price_asc")));
        mvc.perform(get("/api/catalog/products").param("minPriceFen", "500").param("maxPriceFen", "100")
                .with(callers.anonymous()))
                .andExpect(invalid("maxPriceFen"))
                .andExpect(jsonPath("$.allowedValues").doesNotExist());
        verifyNoInteractions(search);
    }

    @Test
    void aPageTooLargeOrTooDeepNamesTheParameter() throws Exception {
        mvc.perform(get("/api/catalog/products").param("size", "101").with(callers.anonymous()))
                .andExpect(invalid("size"));
        verifyNoInteractions(search);

        given(search.search(any())).willThrow(new PageTooDeep(600, 20));
        mvc.perform(get("/api/catalog/products").param("page", "600").with(callers.anonymous()))
                .andExpect(invalid("page"));
    }

    @Test
    void onlyAnAdminReindexes() throws Exception {
        mvc.perform(post("/api/catalog/search/reindex").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post("/api/catalog/search/reindex").with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(indexer);
    }

    @Test
    void aReindexWhileOneRunsIsAConflictAndWithoutTheClusterUnavailable() throws Exception {
        given(indexer.reindex()).willThrow(new ReindexRunning())
                .willThrow(new SearchUnavailable(new ConnectException("Connection refused")));
        mvc.perform(post("/api/catalog/search/reindex").with(callers.as(Role.ADMIN)))
                .andExpect(problem(409, "reindex-running"));
        mvc.perform(post("/api/catalog/search/reindex").with(callers.as(Role.ADMIN)))
                .andExpect(problem(503, "search-unavailable"))
                .andExpect(jsonPath("$.detail").value("The search cluster is not reachable: Connection refused"));
    }
}
