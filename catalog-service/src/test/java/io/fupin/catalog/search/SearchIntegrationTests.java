package io.fupin.catalog.search;

import static io.fupin.catalog.CatalogApi.ADMIN;
import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.ElasticsearchLink;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class SearchIntegrationTests {

    @Autowired
    CatalogApi api;
    UUID seller;

    @BeforeEach
    void setUp() {
        seller = api.registerSeller("溪树田合作社", "农丰镇");
    }

    @Test
    void aChinesePhraseRanksAboveItsScatteredCharactersAndPinyinFindsIt() {
        UUID scattered = product("大豆米粉", "OTHER", 1500, "豆类制品");
        UUID phrase = product("稻花香大米", "RICE", 4990, "当年新米");
        product("笨鸡蛋", "EGGS", 2600, "散养土鸡蛋");

        List<String> ranked = awaitIds("q=大米", 2);
        assertThat(ranked).containsExactly(phrase.toString(), scattered.toString());
        assertThat(awaitIds("q=dami", 1)).containsExactly(phrase.toString());
        assertThat(awaitIds("q=dm", 2)).as("大豆米粉 has the initials d-m too").contains(phrase.toString());
        assertThat(awaitIds("q=dhx", 1)).containsExactly(phrase.toString());
        assertThat(awaitIds("q=Da+Mi", 1)).containsExactly(phrase.toString());
        assertThat(awaitIds("q=" + "稻花香", 1)).containsExactly(phrase.toString());
    }

    @Test
    void filtersSortsAndCountsFacets() {
        UUID rice = product("长粒香大米", "RICE", 6990, "长粒香");
        UUID eggs = product("鹅蛋", "EGGS", 1800, "大鹅蛋");
        product("小米", "MILLET", 3500, "岗子峪小米");

        assertThat(awaitIds("sort=price_asc", 3)).first().isEqualTo(eggs.toString());
        assertThat(ids(search("sort=price_desc"))).first().isEqualTo(rice.toString());
        assertThat(ids(search("category=EGGS"))).containsExactly(eggs.toString());
        assertThat(ids(search("minPriceFen=3000&maxPriceFen=7000"))).hasSize(2).doesNotContain(eggs.toString());
        assertThat(ids(search("town=农丰镇"))).hasSize(3);

        Reply all = search("");
        assertThat(((Number) all.body().get("totalItems")).longValue()).isEqualTo(3);
        assertThat(all.body()).containsKeys("page", "size", "totalPages", "links", "facets");
        assertThat(all.body()).containsEntry("degraded", false);
        String facets = all.body().get("facets").toString();
        assertThat(facets).contains("{key=RICE, name=大米, count=1}", "{key=MILLET, name=小米杂粮, count=1}",
                "{key=" + seller + ", name=溪树田合作社, count=3}", "{key=农丰镇, name=农丰镇, count=3}",
                "{key=0-2000, name=20元以下, fromFen=0, toFen=2000, count=1}",
                "{key=5000-10000, name=50–100元, fromFen=5000, toFen=10000, count=1}");
        assertThat(ids(search("price=0-2000"))).containsExactly(eggs.toString());
        assertThat(ids(search("category=eggs&town=农丰镇"))).containsExactly(eggs.toString());
    }

    @Test
    void simplifiedAndTraditionalQueriesFindProductsLabelledInEitherScript() {
        UUID traditional = product("鵝蛋", "EGGS", 1800, "興功村大鵝蛋");
        UUID simplified = product("笨鸡蛋", "EGGS", 2600, "散养土鸡蛋");
        awaitIds("", 2);

        assertThat(ids(search("q=鹅"))).containsExactly(traditional.toString());
        assertThat(ids(search("q=大鹅蛋"))).containsExactly(traditional.toString());
        assertThat(ids(search("q=雞蛋"))).containsExactly(simplified.toString());
        assertThat(ids(search("q=bjd"))).containsExactly(simplified.toString());
        assertThat(ids(search("q=鸡旦"))).as("a character of the same sound").containsExactly(simplified.toString());
    }

    @Test
    void quantitiesInTheQueryRankButNeverExclude() {
        UUID small = product("鹅蛋", "EGGS", 1800, "鹅蛋", "6 枚 盒");
        UUID large = product("鹅蛋", "EGGS", 3000, "鹅蛋", "十枚 盒");
        awaitIds("", 2);

        assertThat(ids(search("q=鹅蛋 10枚"))).containsExactly(large.toString(), small.toString());
        assertThat(ids(search("q=6个鹅蛋"))).containsExactly(small.toString(), large.toString());
        assertThat(ids(search("q=鹅蛋 5kg"))).hasSize(2);
        assertThat(ids(search("q=5公斤"))).hasSize(2);
    }

    @Test
    void productsOffSaleAreNotFound() {
        UUID product = product("翠小妹花生", "PEANUTS", 2990, "花生");
        UUID draft = api.draft(seller, Map.of("name", "花生油"));
        awaitIds("", 1);

        api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + product + "/suspend", Map.of("reason", "复检"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ids(search("")).isEmpty());
        assertThat(ids(search("q=花生"))).doesNotContain(draft.toString());
    }

    @Test
    void answersFromMariaDbMarkedDegradedWhileElasticsearchIsDownAndRecoversByItself() throws Exception {
        UUID phrase = product("稻花香大米", "RICE", 4990, "新米");
        product("小米", "MILLET", 3500, "小米");
        UUID goose = product("鵝蛋", "EGGS", 1800, "大鵝蛋");
        awaitIds("", 3);

        ElasticsearchLink.get().cut();
        try {
            Reply degraded = search("q=dami");
            assertThat(degraded.status()).isEqualTo(200);
            assertThat(degraded.body()).containsEntry("degraded", true);
            assertThat(ids(degraded)).containsExactly(phrase.toString());
            assertThat(degradedHeader("q=大米")).isEqualTo("true");
            assertThat(search("category=MILLET").body().get("facets").toString()).contains("{key=MILLET, name=小米杂粮, count=1}");
            assertThat(((Number) search("").body().get("totalItems")).longValue()).isEqualTo(3);
            assertThat(ids(search("q=鹅"))).as("simplified finds traditional").containsExactly(goose.toString());
            assertThat(ids(search("q=大米 5kg"))).as("a quantity is not required").containsExactly(phrase.toString());
            assertThat(ids(search("q=稻花想"))).as("the pinyin of a typo").containsExactly(phrase.toString());
            assertThat(search("q=大米").body()).containsEntry("degraded", true);

            Reply reserved = api.call(Caller.of("service:order-service", null, "SERVICE"), HttpMethod.POST,
                    "/internal/reservations", Map.of("orderId", UUID.randomUUID(),
                            "lines", List.of(Map.of("productId", phrase, "quantity", 1))));
            assertThat(reserved.status()).as("stock does not depend on Elasticsearch").isEqualTo(200);
        } finally {
            ElasticsearchLink.get().restore();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Boolean.FALSE.equals(search("").body().get("degraded")));
        assertThat(degradedHeader("")).isNull();
    }

    @Test
    void anAdminRebuildsTheIndexBehindTheAliasWithoutLosingProducts() {
        UUID product = product("笨鸡蛋", "EGGS", 2600, "散养");
        awaitIds("", 1);

        Reply reindexed = api.call(ADMIN, HttpMethod.POST, "/api/catalog/search/reindex", null);
        assertThat(reindexed.status()).as(reindexed.body().toString()).isEqualTo(200);
        assertThat(((Number) reindexed.body().get("documents")).longValue()).isPositive();
        assertThat((String) reindexed.body().get("index")).startsWith("products-test-");
        assertThat(ids(search(""))).containsExactly(product.toString());
        assertThat(api.call(Caller.of("o", null, "OFFICIAL"), HttpMethod.POST, "/api/catalog/search/reindex", null).status())
                .isEqualTo(403);
    }

    @Test
    void twoRebuildsAskedForAtOnceNeverFailAndLeaveEachProductFoundOnce() throws Exception {
        UUID product = product("小米", "MILLET", 1800, "黄小米");
        awaitIds("", 1);

        List<Integer> statuses;
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<Reply>> replies = both.invokeAll(List.of(
                    () -> api.call(ADMIN, HttpMethod.POST, "/api/catalog/search/reindex", null),
                    () -> api.call(ADMIN, HttpMethod.POST, "/api/catalog/search/reindex", null)));
            statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
        }
        // One builds; the other builds after it or is told one is running. Never a 500, never two live indices.
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        assertThat(ids(search(""))).containsExactly(product.toString());
        Reply again = api.call(ADMIN, HttpMethod.POST, "/api/catalog/search/reindex", null);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(ids(search(""))).containsExactly(product.toString());
    }

    @Test
    void refusesUnknownFilterValuesListingTheAllowedOnesAndPagesBeyondTheWindow() {
        Reply sort = search("sort=cheapest");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body()).containsEntry("type", "https://fupin.market/problems/invalid-request");
        assertThat(sort.body().get("errors").toString()).contains("sort");
        assertThat(sort.body().get("allowedValues").toString())
                .isEqualTo("{sort=[relevance, newest, price_asc, price_desc]}");
        Reply deep = search("page=600&size=20");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.body().get("errors").toString()).contains("page");
        Reply filters = search("category=GOLD&price=0-100");
        assertThat(filters.status()).isEqualTo(400);
        assertThat(filters.body().get("errors").toString()).contains("category", "price");
        assertThat(filters.body().get("allowedValues").toString()).contains(
                "category=[RICE, PEANUTS, EGGS, MILLET, VEGETABLES, POULTRY, MEAT, HERBS, OTHER]",
                "price=[0-2000, 2000-5000, 5000-10000, 10000-20000, 20000-]");
        assertThat(search("category=rice&sort=Price_Asc").status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentsTheFiltersWithTheirAllowedValues() {
        Reply docs = api.call(Caller.anonymous(), HttpMethod.GET, "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) docs.body()
                .get("paths")).get("/api/catalog/products")).get("get");
        Map<String, Object> parameters = new HashMap<>();
        ((List<Map<String, Object>>) operation.get("parameters")).forEach(p -> parameters.put((String) p.get("name"), p));
        assertThat(parameters).containsKeys("q", "category", "town", "price", "sort", "minPriceFen", "maxPriceFen");
        assertThat(parameters.get("category").toString()).contains("RICE", "VEGETABLES", "any case");
        assertThat(parameters.get("price").toString()).contains("2000-5000", "20000-");
        assertThat(parameters.get("sort").toString()).contains("price_asc");
        assertThat((Map<String, Object>) operation.get("responses")).containsKey("400");
    }

    private UUID product(String name, String category, long priceFen, String description) {
        return product(name, category, priceFen, description, "5 kg bag");
    }

    private UUID product(String name, String category, long priceFen, String description, String unit) {
        return api.certified(seller, Map.of("name", name, "category", category, "priceFen", priceFen, "unit", unit,
                "costFen", 0, "description", description, "brand", "溪树田", "stock", 50,
                "presale", Map.of("deliveryDate", LocalDate.now().plusMonths(2).toString(), "capacity", 50)));
    }

    /** Searches within this test's seller, so that products of other tests (and earlier runs) stay out. */
    private Reply search(String query) {
        return api.call(Caller.anonymous(), HttpMethod.GET,
                "/api/catalog/products?sellerId=" + seller + (query.isEmpty() ? "" : "&" + query), null);
    }

    private String degradedHeader(String query) {
        return search(query).headers().getFirst("X-Search-Degraded");
    }

    /** Waits until the index (fed through Kafka) answers {@code count} products, then gives their ids in order. */
    private List<String> awaitIds(String query, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Reply reply = search(query);
            return Boolean.FALSE.equals(reply.body().get("degraded")) && ids(reply).size() == count;
        });
        return ids(search(query));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return ((List<Map<String, Object>>) reply.body().get("items")).stream().map(i -> (String) i.get("id")).toList();
    }
}
