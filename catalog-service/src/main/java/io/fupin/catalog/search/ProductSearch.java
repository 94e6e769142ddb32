package io.fupin.catalog.search;

import io.fupin.catalog.product.ChineseScript;
import io.fupin.catalog.product.ProductCatalog;
import io.fupin.catalog.product.ProductQueries;
import io.fupin.catalog.search.SearchResult.Bucket;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Search answers from Elasticsearch while it is healthy and from MariaDB otherwise. A circuit breaker stops
 * calling a cluster that keeps failing or answering slowly (each call is cut off after the timeout), and
 * half-opens by itself to find out when it is back.
 */
@Service
public class ProductSearch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProductSearch.class);

    private final SearchIndex index;
    private final ProductQueries database;
    private final ProductCatalog catalog;
    private final CircuitBreaker breaker;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    ProductSearch(SearchIndex index, ProductQueries database, ProductCatalog catalog, CircuitBreakerRegistry breakers,
            @Value("${fupin.search.timeout:PT1.5S}") Duration timeout) {
        this.index = index;
        this.database = database;
        this.catalog = catalog;
        this.breaker = breakers.circuitBreaker("search");
        this.timeout = timeout;
        ChineseScript.warmUp();
    }

    SearchResult search(SearchQuery query) {
        if ((long) query.page() * query.size() + query.size() > PageTooDeep.MAX_WINDOW) {
            throw new PageTooDeep(query.page(), query.size());
        }
        LocalDate today = catalog.today();
        try {
            return breaker.executeCallable(() -> withTimeout(query, today));
        } catch (CallNotPermittedException open) {
            return fromDatabase(query);
        } catch (Exception e) {
            log.warn("Search answered from MariaDB: Elasticsearch failed ({})", e.toString());
            return fromDatabase(query);
        }
    }

    private SearchResult withTimeout(SearchQuery query, LocalDate today) throws Exception {
        Future<SearchResult> call = calls.submit(() -> index.search(query, today));
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            call.cancel(true);
            throw slow;
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception e ? e : failed;
        }
    }

    private SearchResult fromDatabase(SearchQuery query) {
        ProductQueries.Order order = ProductQueries.Order.valueOf(query.effectiveSort().name());
        ProductQueries.Found found = database.find(query.filter(), order, query.page(), query.size());
        Map<String, List<Bucket>> buckets = new LinkedHashMap<>();
        List<Long> bands = List.of();
        for (Map.Entry<String, List<ProductQueries.Count>> facet : database.facets(query.filter(), PriceBands.EDGES).entrySet()) {
            switch (facet.getKey()) {
                case "price" -> bands = facet.getValue().stream().map(ProductQueries.Count::count).toList();
                case "town" -> buckets.put("town", simplifiedTowns(facet.getValue()));
                default -> buckets.put(facet.getKey(), facet.getValue().stream()
                        .map(c -> new Bucket(c.key(), c.label(), c.count())).toList());
            }
        }
        List<SearchItem> items = found.items().stream().map(SearchItem::of).toList();
        return SearchResult.of(items, found.total(), SearchResult.facets(buckets, bands), true, query.page(), query.size());
    }

    /** Towns written in either script count as one, under the simplified name the index uses as well. */
    private static List<Bucket> simplifiedTowns(List<ProductQueries.Count> counts) {
        Map<String, Long> merged = new LinkedHashMap<>();
        counts.forEach(c -> merged.merge(ChineseScript.simplified(c.key()), c.count(), Long::sum));
        return merged.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Bucket(e.getKey(), null, e.getValue())).toList();
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
