package io.fupin.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.fupin.catalog.product.ProductPinyin;
import io.fupin.catalog.search.SearchResult.Bucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Elasticsearch side of search. Readers and writers use the alias only; a reindex builds a new index
 * and swaps the alias in one atomic step. Documents carry the product's revision as an external version, so
 * a late or replayed event can never overwrite a newer state.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean ready;

    SearchIndex(ElasticsearchClient client, @Value("${fupin.search.alias:products}") String alias) {
        this.client = client;
        this.alias = alias;
    }

    String alias() {
        return alias;
    }

    /** Creates the first index behind the alias unless one exists; cheap once it has succeeded. */
    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String first = alias + "-v1";
            try {
                create(first, true);
                log.info("Created search index {} behind alias {}", first, alias);
            } catch (ElasticsearchException e) {
                // Another instance created it first: the alias is there now.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready = true;
    }

    void create(String index, boolean withAlias) throws IOException {
        client.indices().create(c -> {
            c.index(index)
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s")))
                    .mappings(mapping());
            if (withAlias) {
                c.aliases(alias, a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    /**
     * Han text is analysed by the standard analyzer (one token per character, all this distribution has);
     * phrase queries then rank adjacent characters above scattered ones. Pinyin runs are exact keywords.
     */
    private static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .properties("id", p -> p.keyword(k -> k))
                .properties("sellerId", p -> p.keyword(k -> k))
                .properties("sellerName", p -> p.text(t -> t.fields("keyword", f -> f.keyword(k -> k.ignoreAbove(256)))))
                .properties("name", p -> p.text(t -> t))
                .properties("brand", p -> p.text(t -> t))
                .properties("description", p -> p.text(t -> t))
                .properties("category", p -> p.keyword(k -> k))
                .properties("unit", p -> p.keyword(k -> k.index(false)))
                .properties("priceFen", p -> p.long_(l -> l))
                .properties("stock", p -> p.integer(i -> i))
                .properties("town", p -> p.keyword(k -> k))
                .properties("village", p -> p.keyword(k -> k))
                .properties("status", p -> p.keyword(k -> k))
                .properties("certificateNumber", p -> p.keyword(k -> k))
                .properties("certificateValidUntil", p -> p.date(d -> d))
                .properties("presaleDeliveryDate", p -> p.date(d -> d))
                .properties("createdAt", p -> p.date(d -> d))
                .properties("changedAt", p -> p.date(d -> d))
                .properties("revision", p -> p.long_(l -> l))
                .properties("pinyin", p -> p.keyword(k -> k)));
    }

    /** Writes one product through the alias; an older revision than the indexed one is ignored. */
    void put(ProductDocument document) throws IOException {
        ensureExists();
        try {
            client.index(i -> i.index(alias).id(document.id().toString()).version(document.revision())
                    .versionType(VersionType.ExternalGte).document(document));
        } catch (ElasticsearchException e) {
            if (e.status() != 409) {
                throw e;
            }
            log.debug("Ignoring revision {} of {}: the index holds a newer one", document.revision(), document.id());
        }
    }

    /** Writes many products into one index (the alias or a concrete index being built). */
    void putAll(String index, List<ProductDocument> documents) throws IOException {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ProductDocument document : documents) {
            bulk.operations(o -> o.index(i -> i.index(index).id(document.id().toString()).version(document.revision())
                    .versionType(VersionType.ExternalGte).document(document)));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            long failed = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != 409).count();
            if (failed > 0) {
                throw new IllegalStateException(failed + " documents could not be indexed into " + index);
            }
        }
    }

    /** The concrete indices the alias points to now. */
    Set<String> indicesBehindAlias() throws IOException {
        try {
            Map<String, IndexAliases> result = client.indices().getAlias(a -> a.name(alias)).aliases();
            return result.keySet();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }

    /** Points the alias at {@code index} only, atomically, then drops the indices it pointed to before. */
    void swapAlias(String index, Set<String> previous) throws IOException {
        client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true)));
        });
        for (String old : previous) {
            client.indices().delete(d -> d.index(old));
        }
        client.indices().refresh(r -> r.index(index));
        ready = true;
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    SearchResult search(SearchQuery query, LocalDate today) {
        try {
            ensureExists();
            SearchResponse<ProductDocument> response = client.search(request(query, today), ProductDocument.class);
            List<SearchItem> items = response.hits().hits().stream().map(Hit::source).map(ProductDocument::item).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new SearchResult(items, total, facets(response.aggregations()), false, query.page(), query.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request a search sends: query, page, sort and the four facet aggregations. */
    SearchRequest request(SearchQuery query, LocalDate today) {
        return SearchRequest.of(s -> {
            s.index(alias)
                    .query(query(query, today))
                    .from(query.page() * query.size())
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.excludes("description", "pinyin")))
                    .aggregations("category", a -> a.terms(t -> t.field("category").size(20)))
                    .aggregations("seller", a -> a.terms(t -> t.field("sellerId").size(20))
                            .aggregations("name", n -> n.terms(t -> t.field("sellerName.keyword").size(1))))
                    .aggregations("town", a -> a.terms(t -> t.field("town").size(20)))
                    .aggregations("price", a -> a.range(r -> r.field("priceFen").ranges(ranges())));
            switch (query.effectiveSort()) {
                case RELEVANCE -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
                case NEWEST -> s.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
                case PRICE_ASC -> s.sort(o -> o.field(f -> f.field("priceFen").order(SortOrder.Asc)));
                case PRICE_DESC -> s.sort(o -> o.field(f -> f.field("priceFen").order(SortOrder.Desc)));
            }
            return s.sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        });
    }

    private static List<AggregationRange> ranges() {
        List<AggregationRange> ranges = new ArrayList<>();
        for (int i = 0; i < PriceBands.EDGES.size(); i++) {
            long from = PriceBands.EDGES.get(i);
            Long to = PriceBands.upper(i);
            ranges.add(AggregationRange.of(r -> {
                r.key(Integer.toString(ranges.size())).from((double) from);
                return to == null ? r : r.to((double) to);
            }));
        }
        return ranges;
    }

    private static SearchResult.Facets facets(Map<String, Aggregate> aggregations) {
        Map<String, List<Bucket>> buckets = new LinkedHashMap<>();
        for (String facet : List.of("category", "town")) {
            buckets.put(facet, aggregations.get(facet).sterms().buckets().array().stream()
                    .map(b -> new Bucket(b.key().stringValue(), null, b.docCount())).toList());
        }
        buckets.put("seller", aggregations.get("seller").sterms().buckets().array().stream()
                .map(b -> new Bucket(b.key().stringValue(), sellerName(b), b.docCount())).toList());
        Map<String, Long> perBand = new HashMap<>();
        aggregations.get("price").range().buckets().array().forEach(b -> perBand.put(b.key(), b.docCount()));
        List<Long> bands = new ArrayList<>();
        for (int i = 0; i < PriceBands.EDGES.size(); i++) {
            bands.add(perBand.getOrDefault(Integer.toString(i), 0L));
        }
        return SearchResult.facets(buckets, bands);
    }

    private static String sellerName(StringTermsBucket bucket) {
        List<StringTermsBucket> names = bucket.aggregations().get("name").sterms().buckets().array();
        return names.isEmpty() ? null : names.getFirst().key().stringValue();
    }

    /**
     * Phrases score far above scattered characters: "大米" as a phrase in the name earns most, the same
     * characters anywhere in name, brand, seller or description (all of them required) earn a little. A query
     * in Latin letters is also looked up as a pinyin run ("dami") or initials ("dm").
     */
    private static Query query(SearchQuery query, LocalDate today) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.term(t -> t.field("status").value("ON_SALE")))
                .filter(f -> f.range(r -> r.date(d -> d.field("certificateValidUntil").gte(today.toString()))));
        if (query.category() != null) {
            bool.filter(f -> f.term(t -> t.field("category").value(query.category().name())));
        }
        if (query.sellerId() != null) {
            bool.filter(f -> f.term(t -> t.field("sellerId").value(query.sellerId().toString())));
        }
        if (query.town() != null) {
            bool.filter(f -> f.term(t -> t.field("town").value(query.town())));
        }
        if (query.minPriceFen() != null || query.maxPriceFen() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> {
                n.field("priceFen");
                if (query.minPriceFen() != null) {
                    n.gte(query.minPriceFen().doubleValue());
                }
                if (query.maxPriceFen() != null) {
                    n.lte(query.maxPriceFen().doubleValue());
                }
                return n;
            })));
        }
        String q = query.q();
        if (q != null) {
            List<Query> should = new ArrayList<>();
            should.add(Query.of(b -> b.matchPhrase(m -> m.field("name").query(q).boost(10f))));
            should.add(Query.of(b -> b.matchPhrase(m -> m.field("brand").query(q).boost(4f))));
            should.add(Query.of(b -> b.matchPhrase(m -> m.field("sellerName").query(q).boost(2f))));
            should.add(Query.of(b -> b.matchPhrase(m -> m.field("description").query(q).boost(1.5f))));
            should.add(Query.of(b -> b.multiMatch(m -> m.query(q).fields("name^2", "brand", "sellerName", "description")
                    .operator(Operator.And))));
            if (ProductPinyin.looksLikePinyin(q)) {
                String pinyin = ProductPinyin.normalizeQuery(q);
                should.add(Query.of(b -> b.term(t -> t.field("pinyin").value(FieldValue.of(pinyin)).boost(8f))));
                should.add(Query.of(b -> b.prefix(p -> p.field("pinyin").value(pinyin).boost(2f))));
            }
            bool.should(should).minimumShouldMatch("1");
        }
        return Query.of(b -> b.bool(bool.build()));
    }
}
