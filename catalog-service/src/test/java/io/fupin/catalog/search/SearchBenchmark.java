package io.fupin.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fupin.catalog.BenchReport;
import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.product.ProductCatalog;
import io.fupin.catalog.product.ProductCategory;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search p50/p99 on 100,000 generated products through catalog-service (HTTP, identity check, circuit breaker,
 * timeout, mapping) beside the same request sent straight to Elasticsearch with the Java client, in the same run.
 * Run with {@code ./mvnw -pl catalog-service -Pbench verify}; not part of the normal suite.
 */
@IntegrationTest
class SearchBenchmark {

    private static final String[] PREFIXES = {"稻花香", "长粒香", "五常", "有机", "富硒", "笨", "散养", "黑", "绿色", "农家", "双城", "兴功"};
    private static final String[] GOODS = {"大米", "小米", "花生", "鸡蛋", "鹅蛋", "猪肉", "白鹅", "大蒜", "小葱", "蔬菜", "颠茄草", "玉米"};
    private static final ProductCategory[] CATEGORIES = {ProductCategory.RICE, ProductCategory.MILLET,
            ProductCategory.PEANUTS, ProductCategory.EGGS, ProductCategory.EGGS, ProductCategory.MEAT,
            ProductCategory.POULTRY, ProductCategory.VEGETABLES, ProductCategory.VEGETABLES, ProductCategory.VEGETABLES,
            ProductCategory.HERBS, ProductCategory.OTHER};
    private static final String[] TOWNS = {"双城镇", "农丰镇", "新兴镇", "五家镇", "韩甸镇", "单城镇"};

    @Autowired
    SignedIdentity identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchIndex index;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ProductCatalog catalog;
    @LocalServerPort
    int port;

    @Test
    void searchLatencyOnAHundredThousandProducts() throws Exception {
        int products = BenchReport.intProperty("bench.products", 100_000);
        int rounds = BenchReport.intProperty("bench.searches", 1000);
        long began = System.nanoTime();
        generate(products);
        long generated = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> reindex = http.send(signed(CatalogApi.ADMIN, "/api/catalog/search/reindex")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        long reindexed = System.nanoTime();
        BenchReport.line("");
        BenchReport.line("### Search on %d products (%d searches each side, one client)".formatted(products, rounds));
        BenchReport.line("generated in MariaDB in %.1f s; full reindex (HTTP %d) in %.1f s".formatted(
                (generated - began) / 1e9, reindex.statusCode(), (reindexed - generated) / 1e9));

        List<Probe> probes = List.of(
                new Probe("q=大米", query("大米", null, null, null, null, "relevance")),
                new Probe("q=dami", query("dami", null, null, null, null, "relevance")),
                new Probe("q=散养鸡蛋&sort=price_asc", query("散养鸡蛋", null, null, null, null, "price_asc")),
                new Probe("category=RICE&town=双城镇", query(null, "RICE", "双城镇", null, null, "relevance")),
                new Probe("q=hs&minPriceFen=2000&maxPriceFen=8000", query("hs", null, null, 2000L, 8000L, "relevance")));
        LocalDate today = catalog.today();
        for (int i = 0; i < 200; i++) {
            Probe probe = probes.get(i % probes.size());
            throughService(http, probe);
            elasticsearch.search(index.request(probe.query(), today), ProductDocument.class);
        }
        long[] service = new long[rounds];
        long[] direct = new long[rounds];
        int degraded = 0;
        int failed = 0;
        for (int i = 0; i < rounds; i++) {
            Probe probe = probes.get(i % probes.size());
            long t0 = System.nanoTime();
            HttpResponse<String> answer = throughService(http, probe);
            service[i] = System.nanoTime() - t0;
            if (answer.statusCode() != 200) {
                failed++;
            } else if (answer.headers().firstValue("X-Search-Degraded").isPresent()) {
                degraded++;
            }
            long t1 = System.nanoTime();
            elasticsearch.search(index.request(probe.query(), today), ProductDocument.class);
            direct[i] = System.nanoTime() - t1;
        }
        BenchReport.line("| path | p50 ms | p99 ms |");
        BenchReport.line("|---|---|---|");
        BenchReport.line("| through catalog-service (HTTP) | %.1f | %.1f |".formatted(
                BenchReport.percentileMillis(service, 50), BenchReport.percentileMillis(service, 99)));
        BenchReport.line("| straight to Elasticsearch (Java client, same request) | %.1f | %.1f |".formatted(
                BenchReport.percentileMillis(direct, 50), BenchReport.percentileMillis(direct, 99)));
        BenchReport.line("answers not from Elasticsearch: " + degraded + " degraded, " + failed + " failed");
        // A degraded answer is the service doing its job under load; a failed one is not.
        assertThat(failed).as("searches that failed").isZero();
    }

    private static SearchQuery query(String q, String category, String town, Long minPriceFen, Long maxPriceFen,
            String sort) {
        return SearchQuery.of(new SearchQuery.Parameters(q, category, null, town, minPriceFen, maxPriceFen, null, sort,
                0, 20));
    }

    private HttpResponse<String> throughService(HttpClient http, Probe probe) throws Exception {
        return http.send(signed(Caller.anonymous(), "/api/catalog/products?" + encode(probe.parameters())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder signed(Caller caller, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        identity.headersFor(caller).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return request;
    }

    private static String encode(String parameters) {
        List<String> parts = new ArrayList<>();
        for (String pair : parameters.split("&")) {
            String[] kv = pair.split("=", 2);
            parts.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** Products written straight into MariaDB, 500 rows per INSERT, on sale under a valid certificate. */
    private void generate(int count) {
        Random random = new Random(42);
        List<UUID> sellers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sellers.add(UUID.randomUUID());
        }
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate from = LocalDate.now().minusMonths(1);
        LocalDate until = LocalDate.now().plusYears(1);
        String columns = "(id, seller_id, seller_name, name, category, brand, description, unit, price_fen, cost_fen,"
                + " cost_reason, stock, published_stock, town, village, status, certificate_number, certificate_issuer,"
                + " certificate_valid_from, certificate_valid_until, price_version, created_at, changed_at, version)";
        String row = "(" + "?,".repeat(23) + "?)";
        int batch = 500;
        for (int start = 0; start < count; start += batch) {
            int size = Math.min(batch, count - start);
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int good = random.nextInt(GOODS.length);
                int seller = random.nextInt(sellers.size());
                long price = 500 + random.nextInt(30_000);
                args.addAll(List.of(UUID.randomUUID().toString(), sellers.get(seller).toString(), "合作社" + seller,
                        PREFIXES[random.nextInt(PREFIXES.length)] + GOODS[good], CATEGORIES[good].name(), "品牌" + seller,
                        "产自" + TOWNS[seller % TOWNS.length] + "的" + GOODS[random.nextInt(GOODS.length)], "1 kg", price,
                        price / 10, "packaging", 1000, 1000, TOWNS[seller % TOWNS.length], "兴功村", "ON_SALE",
                        "FP-" + (start + i), "哈尔滨市扶贫办", from, until, 1,
                        new Timestamp(now.getTime() - random.nextInt(1_000_000) * 1000L), now, 0));
            }
            jdbc.update("INSERT INTO product " + columns + " VALUES " + String.join(",", java.util.Collections.nCopies(size, row)),
                    args.toArray());
        }
    }

    record Probe(String parameters, SearchQuery query) {
    }
}
