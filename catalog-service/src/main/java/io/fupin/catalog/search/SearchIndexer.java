package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductEvent;
import io.fupin.catalog.product.ProductId;
import io.fupin.catalog.product.ProductQueries;
import io.fupin.support.events.EventConsumers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Feeds the index from catalog's own product events, and rebuilds it from MariaDB on demand. Indexing is
 * idempotent by construction (a document per product, versioned by the product's revision), which is what
 * makes at-least-once delivery exactly-once in effect here: Elasticsearch cannot join a database transaction.
 */
@Service
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;
    /** Changes committed while a reindex read the table are caught up from this far back. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(5);

    private final SearchIndex index;
    private final ProductQueries products;
    private final EventConsumers events;
    private final Clock clock;
    private final ReentrantLock reindexing = new ReentrantLock();
    private volatile boolean upToDate;

    SearchIndexer(SearchIndex index, ProductQueries products, EventConsumers events, Clock clock) {
        this.index = index;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Failures reaching Elasticsearch are retried without end (the services' shared error handling): the
     * partition waits for the cluster rather than dead-lettering updates the index would then miss.
     */
    @KafkaListener(id = "catalog.search-index", topics = ProductEvent.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) throws IOException {
        var event = events.read(record.value(), ProductEventMessage.class);
        if (event.isPresent()) {
            index.put(ProductDocument.of(event.get().payload().product()));
        }
    }

    /**
     * Builds a fresh index from MariaDB beside the live one, swaps the alias to it atomically, then replays the
     * products that changed meanwhile (their events may have gone to the old index).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Reindexed reindex() {
        // Two builds at once would each swap the alias from the same previous index and leave it on both.
        if (!reindexing.tryLock()) {
            throw new ReindexRunning();
        }
        try {
            return rebuild();
        } finally {
            reindexing.unlock();
        }
    }

    private Reindexed rebuild() {
        Instant started = clock.instant();
        long begin = System.nanoTime();
        try {
            Set<String> previous = index.indicesBehindAlias();
            // The time orders the names for a reader; the suffix keeps two builds within one millisecond apart.
            String fresh = index.alias() + "-" + started.toEpochMilli() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            index.create(fresh, false);
            long count = 0;
            ProductId after = null;
            List<ProductEvent.State> batch;
            do {
                batch = products.batchAfter(after, BATCH);
                index.putAll(fresh, batch.stream().map(ProductDocument::of).toList());
                count += batch.size();
                after = batch.isEmpty() ? after : batch.getLast().productId();
            } while (batch.size() == BATCH);
            index.swapAlias(fresh, previous);
            index.putAll(fresh, products.changedSince(started.minus(CATCH_UP_MARGIN)).stream()
                    .map(ProductDocument::of).toList());
            index.refresh();
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            log.info("Reindexed {} products into {} in {} ms (replaced {})", count, fresh, took.toMillis(), previous);
            return new Reindexed(fresh, count, previous, took.toMillis());
        } catch (IOException e) {
            throw new SearchUnavailable(e);
        }
    }

    /**
     * An index built by an older version of this service (another mapping, other analysis) is rebuilt once, as
     * soon as Elasticsearch answers; until then searches still answer from it. Checks stop after the first answer.
     */
    @Scheduled(initialDelayString = "${fupin.search.upgrade-check-every:PT30S}",
            fixedDelayString = "${fupin.search.upgrade-check-every:PT30S}")
    void rebuildOutdatedIndex() {
        if (upToDate) {
            return;
        }
        try {
            if (index.outdated()) {
                log.info("The search index was built with an older mapping; rebuilding it");
                // A call within this bean, so the ADMIN rule of the endpoint does not apply to the service itself.
                reindex();
            }
            upToDate = true;
        } catch (IOException | RuntimeException e) {
            log.debug("Could not check the search index yet: {}", e.toString());
        }
    }

    public record Reindexed(String index, long documents, Set<String> replaced, long tookMillis) {
    }
}
