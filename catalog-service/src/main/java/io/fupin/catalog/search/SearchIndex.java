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
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
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
    /** Grows whenever {@link #mapping()} changes; an index built with an older one is rebuilt. */
    static final int MAPPING_VERSION = 2;
    private static final String BIGRAMS = "han_bigrams";

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
            String first = alias + "-v" + MAPPING_VERSION;
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
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s"))
                            .analysis(a -> a
                                    .filter("han_shingles", f -> f.definition(d -> d.shingle(sh -> sh
                                            .minShingleSize(2).maxShingleSize(2).outputUnigrams(false)
                                            .outputUnigramsIfNoShingles(true))))
                                    .analyzer(BIGRAMS, an -> an.custom(cu -> cu.tokenizer("standard")
                                            .filter("lowercase", "han_shingles")))))
                    .mappings(mapping());
            if (withAlias) {
                c.aliases(alias, a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    /**
     * Han text is analysed by the standard analyzer (one token per character, all this distribution has);
     * phrase queries then rank adjacent characters above scattered ones, and the name's character pairs
     * ({@value #BIGRAMS}) let a query with one wrong character still match the rest. Shown fields are kept as
     * written and not searched; {@code search.*} holds the simplified text, pinyin runs and pack sizes.
     */
    private static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .meta("mapping", JsonData.of(MAPPING_VERSION))
                .properties("id", p -> p.keyword(k -> k))
                .properties("sellerId", p -> p.keyword(k -> k))
                .properties("sellerName", p -> p.keyword(k -> k.ignoreAbove(256)))
                .properties("name", p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties("brand", p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties("description", p -> p.text(t -> t.index(false)))
                .properties("category", p -> p.keyword(k -> k))
                .properties("unit", p -> p.keyword(k -> k.index(false)))
                .properties("priceFen", p -> p.long_(l -> l))
                .properties("stock", p -> p.integer(i -> i))
                .properties("town", p -> p.keyword(k -> k.index(false)))
                .properties("village", p -> p.keyword(k -> k.index(false)))
                .properties("status", p -> p.keyword(k -> k))
                .properties("certificateNumber", p -> p.keyword(k -> k))
                .properties("certificateValidUntil", p -> p.date(d -> d))
                .properties("presaleDeliveryDate", p -> p.date(d -> d))
                .properties("createdAt", p -> p.date(d -> d))
                .properties("changedAt", p -> p.date(d -> d))
                .properties("revision", p -> p.long_(l -> l))
                .properties("search", p -> p.object(o -> o
                        .properties("name", n -> n.text(t -> t.fields("bigrams", f -> f.text(b -> b.analyzer(BIGRAMS)))))
                        .properties("brand", n -> n.text(t -> t))
                        .properties("seller", n -> n.text(t -> t))
                        .properties("place", n -> n.text(t -> t))
                        .properties("category", n -> n.text(t -> t))
                        .properties("description", n -> n.text(t -> t))
                        .properties("town", n -> n.keyword(k -> k))
                        .properties("pinyin", n -> n.keyword(k -> k))
                        .properties("placePinyin", n -> n.keyword(k -> k))
                        .properties("quantities", n -> n.keyword(k -> k)))));
    }

    /** Whether the index behind the alias was built with an older mapping than this code's (then it needs a reindex). */
    boolean outdated() throws IOException {
        Set<String> live = indicesBehindAlias();
        if (live.isEmpty()) {
            return false;
        }
        return client.indices().getMapping(g -> g.index(alias)).mappings().values().stream().anyMatch(m -> {
            JsonData version = m.mappings().meta() == null ? null : m.mappings().meta().get("mapping");
            return version == null || version.to(Integer.class) < MAPPING_VERSION;
        });
    }

    /** Writes one product through the alias; an older revision than the indexed one is ignored. */
    void put(ProductDocument document) throws IOException {
        ensureExists();
        try {
            client.index(i -> i.index(alias).id(document.id().value().toString()).version(document.revision())
                    .versionType(VersionType.ExternalGte).document(document));
        } catch (ElasticsearchException e) {
            if (e.status() != 409) {
                throw e;
            }
            log.debug("Ignoring revision {} of {}: the index holds a newer one", document.revision(),
                    document.id().value());
        }
    }

    /** Writes many products into one index (the alias or a concrete index being built). */
    void putAll(String index, List<ProductDocument> documents) throws IOException {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ProductDocument document : documents) {
            bulk.operations(o -> o.index(i -> i.index(index).id(document.id().value().toString())
                    .version(document.revision())
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
            return SearchResult.of(items, total, facets(response.aggregations()), false, query.page(), query.size());
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
                    .source(src -> src.filter(f -> f.excludes("description", "search")))
                    .aggregations("category", a -> a.terms(t -> t.field("category").size(20)))
                    .aggregations("seller", a -> a.terms(t -> t.field("sellerId").size(20))
                            .aggregations("name", n -> n.terms(t -> t.field("sellerName").size(1))))
                    .aggregations("town", a -> a.terms(t -> t.field("search.town").size(20)))
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
     * Filters first (on sale, certificate valid today, then the request's filters), then the words, which must
     * match in at least one way; quantities only raise the products of that pack size.
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
            bool.filter(f -> f.term(t -> t.field("search.town").value(query.town())));
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
        ShopperText text = query.text();
        if (text != null && text.words() != null) {
            bool.must(words(text));
        }
        if (text != null && !text.quantities().isEmpty()) {
            List<FieldValue> quantities = text.quantities().stream().map(FieldValue::of).toList();
            bool.should(s -> s.terms(t -> t.field("search.quantities").terms(v -> v.value(quantities)).boost(8f)));
        }
        return Query.of(b -> b.bool(bool.minimumShouldMatch("0").build()));
    }

    /**
     * The ways words can match, summed: a phrase in the name scores far above the same characters scattered
     * ("大米" ranks 稻花香大米 far above 大豆米粉); brand, seller, place (town, village), category and
     * description phrases count less; all characters across those fields (兴功 大鹅) a little. Typos: half the
     * name's character pairs (稻花想 has 稻花), the query's pinyin against the name's (大迷 reads "dami" as 大米
     * does), and for Latin letters pinyin runs and initials exactly, as a prefix and within one or two edits
     * (dahuaxiang).
     */
    private static Query words(ShopperText text) {
        String words = text.words();
        List<Query> should = new ArrayList<>();
        should.add(phrase("search.name", words, 10f));
        should.add(phrase("search.brand", words, 4f));
        should.add(phrase("search.seller", words, 3f));
        should.add(phrase("search.place", words, 3f));
        should.add(phrase("search.category", words, 3f));
        should.add(phrase("search.description", words, 1f));
        should.add(Query.of(b -> b.multiMatch(m -> m.query(words).type(TextQueryType.CrossFields).operator(Operator.And)
                .fields("search.name^2", "search.brand", "search.seller", "search.place", "search.category",
                        "search.description"))));
        should.add(Query.of(b -> b.match(m -> m.field("search.name.bigrams").query(words).minimumShouldMatch("50%")
                .boost(2f))));
        String pinyin = text.pinyin();
        if (pinyin != null && text.latin()) {
            should.add(term("search.pinyin", pinyin, 8f));
            should.add(Query.of(b -> b.prefix(p -> p.field("search.pinyin").value(pinyin).boost(2f))));
            should.add(Query.of(b -> b.fuzzy(f -> f.field("search.pinyin").value(pinyin).fuzziness("AUTO:5,8")
                    .prefixLength(1).boost(1.5f))));
            should.add(term("search.placePinyin", pinyin, 3f));
        } else if (pinyin != null) {
            should.add(term("search.pinyin", pinyin, 3f));
            should.add(term("search.placePinyin", pinyin, 1.5f));
        }
        return Query.of(b -> b.bool(o -> o.should(should).minimumShouldMatch("1")));
    }

    private static Query phrase(String field, String words, float boost) {
        return Query.of(b -> b.matchPhrase(m -> m.field(field).query(words).boost(boost)));
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(b -> b.term(t -> t.field(field).value(FieldValue.of(value)).boost(boost)));
    }
}
