package io.fupin.web.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.gateway.ServiceDown;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class StorefrontPagesTests {

    static final UUID RICE = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static SearchResult result(boolean degraded, SearchResult.Item... items) {
        return new SearchResult(List.of(items), items.length, new SearchResult.Facets(
                List.of(new SearchResult.Bucket("RICE", null, items.length)), List.of(), List.of(),
                List.of(new SearchResult.PriceBand("2000-5000", 2000L, 5000L, items.length))), degraded, 0, 12);
    }

    static SearchResult.Item rice() {
        return new SearchResult.Item(RICE, UUID.randomUUID(), "岗子峪米业有限公司", "稻花香大米", "RICE", "永发鳅田", "袋",
                5990, 100, "新兴镇", "兴功村", "FP-2026-0001", null, null);
    }

    static Product product(String status, int stock) {
        return product(status, stock, null);
    }

    static Product product(String status, int stock, String photoUrl) {
        LocalDate today = LocalDate.now();
        return new Product(RICE, UUID.randomUUID(), "岗子峪米业有限公司", "稻花香大米", "RICE", "永发鳅田", "五常稻花香",
                "袋", 5990, 590, "包装和运费", stock, "新兴镇", "兴功村", null,
                new Product.Certificate("FP-2026-0001", "哈尔滨市双城区扶贫办", today.minusDays(30), today.plusDays(300)),
                status, null, null, photoUrl);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void searchNamesTheResultsAndSaysWhenItRunsDegraded() throws Exception {
        when(gateway.get(isNull(), any(URI.class), eq(SearchResult.class))).thenReturn(result(true, rice()));

        String html = page("/search?q=dami");

        assertThat(html).contains("稻花香大米", "¥59.90", "搜索服务正在降级运行", "大米 (1)", "¥20.00 – ¥50.00 (1)")
                .doesNotContain("暂时不可用");
    }

    @Test
    void searchWithoutResultsSaysSoAndSuggestsPinyinAndCategories() throws Exception {
        when(gateway.get(isNull(), any(URI.class), eq(SearchResult.class)))
                .thenAnswer(call -> call.getArgument(1, URI.class).getQuery().contains("q=") ? result(false)
                        : result(false, rice()));

        String html = page("/search?q=nothing-like-this");

        assertThat(html).contains("没有找到相关商品", "dami", "/search?category=RICE").doesNotContain("搜索服务正在降级运行");
    }

    @Test
    void homeStillRendersWhenTheCatalogIsDown() throws Exception {
        when(gateway.get(isNull(), any(URI.class), eq(SearchResult.class)))
                .thenThrow(new ServiceDown("catalog", "no answer", null));

        String html = page("/");

        assertThat(html).contains("商品服务暂时不可用", "购物车");
    }

    @Test
    void productPageShowsWhereThePriceGoesAndHowManyHouseholdsItSupports() throws Exception {
        when(gateway.get(isNull(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(RICE)))
                .thenReturn(product("ON_SALE", 10));
        when(gateway.get(isNull(), eq("/api/households/public/products/{id}/beneficiaries"), eq(Beneficiaries.class),
                eq(RICE))).thenReturn(new Beneficiaries(RICE, "兴功村代养鹅", 18, 16, 2, List.of()));

        String html = page("/products/" + RICE);

        assertThat(html).contains("¥54.00", "¥5.90", "¥0.00", "FP-2026-0001", "购买此商品支持 18 户农户",
                "脱贫户 16 户，边缘户 2 户", "加入购物车");
    }

    @Test
    void showsTheSellersPhotoWhereThereIsOneAndTheCategorysPictureElsewhere() throws Exception {
        String photo = "/api/catalog/products/" + RICE + "/photo?v=0123456789abcdef";
        when(gateway.get(isNull(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(RICE)))
                .thenReturn(product("ON_SALE", 10, photo));
        when(gateway.get(isNull(), eq("/api/households/public/products/{id}/beneficiaries"), eq(Beneficiaries.class),
                eq(RICE))).thenThrow(new ApiProblem(404, "not-found", "none", List.of()));
        SearchResult.Item withPhoto = new SearchResult.Item(RICE, UUID.randomUUID(), "岗子峪米业有限公司", "稻花香大米",
                "RICE", "永发鳅田", "袋", 5990, 100, "新兴镇", "兴功村", "FP-2026-0001", null, photo);
        SearchResult.Item without = new SearchResult.Item(UUID.randomUUID(), UUID.randomUUID(), "翠翠食品有限公司",
                "翠小妹花生", "PEANUTS", "翠小妹", "袋", 1990, 100, "新兴镇", "兴功村", "FP-2026-0002", null, null);
        when(gateway.get(isNull(), any(URI.class), eq(SearchResult.class))).thenReturn(result(false, withPhoto, without));

        String product = page("/products/" + RICE);
        String search = page("/search?q=dami");

        assertThat(product).contains("class=\"photo\" src=\"" + photo.replace("&", "&amp;") + "\"");
        assertThat(search).contains("src=\"" + photo + "\"", "src=\"/static/img/category/peanuts.svg\"");
    }

    @Test
    void soldOutProductSaysSoAndOffersNoCartButton() throws Exception {
        when(gateway.get(isNull(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(RICE)))
                .thenReturn(product("ON_SALE", 0));
        when(gateway.get(isNull(), eq("/api/households/public/products/{id}/beneficiaries"), eq(Beneficiaries.class),
                eq(RICE))).thenThrow(new ApiProblem(404, "not-found", "none", List.of()));

        String html = page("/products/" + RICE);

        assertThat(html).contains("此商品已售罄").doesNotContain("id=\"add-to-cart\"");
    }

    @Test
    void showsTheProductPageInEnglishWhenAsked() throws Exception {
        when(gateway.get(isNull(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(RICE)))
                .thenReturn(product("REVOKED", 10));

        String html = page("/products/" + RICE + "?lang=en");

        assertThat(html).contains("lang=\"en\"", "certification was revoked", "Platform margin");
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/cart/add").param("productId", RICE.toString())).andExpect(status().isForbidden());
        mvc.perform(post("/cart/add").param("productId", RICE.toString()).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** htmx swaps the header's badge out of band: it must count the units just added, not those before. */
    @Test
    void addingToTheCartWithHtmxCountsTheNewUnitsInTheBadge() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String first = mvc.perform(post("/cart/add").session(session).header("HX-Request", "true").with(csrf())
                        .param("productId", RICE.toString()).param("quantity", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/cart/add").session(session).header("HX-Request", "true").with(csrf())
                        .param("productId", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(first).containsPattern("id=\"cart-count\"[^>]*>2<");
        assertThat(second).containsPattern("id=\"cart-count\"[^>]*>3<");
    }
}
