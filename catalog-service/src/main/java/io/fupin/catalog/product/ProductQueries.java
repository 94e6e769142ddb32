package io.fupin.catalog.product;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of products for other features: the search index (full reindex, catch-up) and search's fallback
 * when Elasticsearch is away. MariaDB is the source of truth; these answers are always current.
 */
@Service
public class ProductQueries {

    private final JdbcClient jdbc;
    private final Products products;
    private final ProductCatalog catalog;

    ProductQueries(JdbcClient jdbc, Products products, ProductCatalog catalog) {
        this.jdbc = jdbc;
        this.products = products;
        this.catalog = catalog;
    }

    /**
     * The filters of a product search; {@code null} or empty means "any". A product matches when its name, brand,
     * seller, place or description contains one of {@code words} (the same words in each script), or its stored
     * pinyin contains one of {@code pinyin}; its town is one of {@code towns}.
     */
    public record Filter(List<String> words, List<String> pinyin, ProductCategory category, UUID sellerId,
            List<String> towns, Long minPriceFen, Long maxPriceFen) {
    }

    public enum Order {
        RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC
    }

    public record Found(List<ProductEvent.State> items, long total) {
    }

    /** A facet value and how many products have it; {@code label} is the seller's name for the seller facet. */
    public record Count(String key, String label, long count) {
    }

    /** Products on sale with an unexpired certificate matching the filter: one page and the total. */
    @Transactional(readOnly = true)
    public Found find(Filter filter, Order order, int page, int size) {
        Where where = where(filter);
        long total = where.bind(jdbc.sql("SELECT COUNT(*) FROM product WHERE " + where.sql)).query(Long.class).single();
        String orderBy = switch (order) {
            case RELEVANCE -> where.matchesFirst() + "created_at DESC, id";
            case NEWEST -> "created_at DESC, id";
            case PRICE_ASC -> "price_fen ASC, id";
            case PRICE_DESC -> "price_fen DESC, id";
        };
        List<ProductId> ids = where.bind(jdbc.sql("SELECT id FROM product WHERE " + where.sql + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset"))
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new ProductId(UUID.fromString(rs.getString(1)))).list();
        return new Found(states(ids), total);
    }

    /** Counts per category, seller, town and price band (bands given by their lower edges in fen). */
    @Transactional(readOnly = true)
    public Map<String, List<Count>> facets(Filter filter, List<Long> bandEdges) {
        Where where = where(filter);
        Map<String, List<Count>> facets = new LinkedHashMap<>();
        facets.put("category", where.bind(jdbc.sql("SELECT category, COUNT(*) FROM product WHERE " + where.sql
                        + " GROUP BY category ORDER BY COUNT(*) DESC, category"))
                .query((rs, n) -> new Count(rs.getString(1), null, rs.getLong(2))).list());
        facets.put("seller", where.bind(jdbc.sql("SELECT seller_id, MAX(seller_name), COUNT(*) FROM product WHERE "
                        + where.sql + " GROUP BY seller_id ORDER BY COUNT(*) DESC, seller_id LIMIT 20"))
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
        facets.put("town", where.bind(jdbc.sql("SELECT town, COUNT(*) FROM product WHERE " + where.sql
                        + " GROUP BY town ORDER BY COUNT(*) DESC, town LIMIT 20"))
                .query((rs, n) -> new Count(rs.getString(1), null, rs.getLong(2))).list());
        StringBuilder band = new StringBuilder("CASE");
        for (int i = bandEdges.size() - 1; i >= 0; i--) {
            band.append(" WHEN price_fen >= ").append(bandEdges.get(i).longValue()).append(" THEN ").append(i);
        }
        band.append(" ELSE -1 END");
        Map<Integer, Long> perBand = new HashMap<>();
        where.bind(jdbc.sql("SELECT " + band + " AS band, COUNT(*) FROM product WHERE " + where.sql + " GROUP BY band"))
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getLong(2))).list()
                .forEach(e -> perBand.put(e.getKey(), e.getValue()));
        List<Count> bands = new ArrayList<>();
        for (int i = 0; i < bandEdges.size(); i++) {
            bands.add(new Count(Integer.toString(i), null, perBand.getOrDefault(i, 0L)));
        }
        facets.put("price", bands);
        return facets;
    }

    /** Every product in id order, {@code limit} at a time after {@code afterId}: for a full reindex. */
    @Transactional(readOnly = true)
    public List<ProductEvent.State> batchAfter(ProductId afterId, int limit) {
        List<ProductId> ids = jdbc.sql("SELECT id FROM product WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId == null ? "" : afterId.value().toString()).param("limit", limit)
                .query((rs, n) -> new ProductId(UUID.fromString(rs.getString(1)))).list();
        return states(ids);
    }

    /** Products changed (or whose stock moved) since an instant: a reindex catches up with these. */
    @Transactional(readOnly = true)
    public List<ProductEvent.State> changedSince(Instant since) {
        List<ProductId> ids = jdbc.sql("SELECT id FROM product WHERE changed_at >= :since OR stock <> published_stock")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new ProductId(UUID.fromString(rs.getString(1)))).list();
        return states(ids);
    }

    private List<ProductEvent.State> states(List<ProductId> ids) {
        Map<ProductId, Product> byId = new HashMap<>();
        StreamSupport.stream(products.findAllById(ids).spliterator(), false).forEach(p -> byId.put(p.id(), p));
        Map<ProductId, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return byId.values().stream()
                .sorted(Comparator.comparing((Function<Product, Integer>) p -> position.get(p.id())))
                .map(p -> ProductEvent.State.of(p, p.stock()))
                .toList();
    }

    private Where where(Filter filter) {
        StringBuilder sql = new StringBuilder("status = 'ON_SALE' AND certificate_valid_until >= :today");
        Map<String, Object> params = new HashMap<>();
        params.put("today", catalog.today());
        List<String> names = new ArrayList<>();
        List<String> anywhere = new ArrayList<>();
        for (int i = 0; i < filter.words().size(); i++) {
            params.put("like" + i, "%" + escapeLike(filter.words().get(i)) + "%");
            names.add("name LIKE :like" + i);
            for (String column : List.of("name", "brand", "seller_name", "town", "village", "description")) {
                anywhere.add(column + " LIKE :like" + i);
            }
        }
        List<String> pinyin = new ArrayList<>();
        for (int i = 0; i < filter.pinyin().size(); i++) {
            params.put("pinyinLike" + i, "%" + escapeLike(filter.pinyin().get(i)) + "%");
            pinyin.add("pinyin LIKE :pinyinLike" + i);
        }
        anywhere.addAll(pinyin);
        if (!anywhere.isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ", anywhere)).append(")");
        }
        if (!filter.towns().isEmpty()) {
            sql.append(" AND town IN (:towns)");
            params.put("towns", filter.towns());
        }
        if (filter.category() != null) {
            sql.append(" AND category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.sellerId() != null) {
            sql.append(" AND seller_id = :sellerId");
            params.put("sellerId", filter.sellerId().toString());
        }
        if (filter.minPriceFen() != null) {
            sql.append(" AND price_fen >= :minPrice");
            params.put("minPrice", filter.minPriceFen());
        }
        if (filter.maxPriceFen() != null) {
            sql.append(" AND price_fen <= :maxPrice");
            params.put("maxPrice", filter.maxPriceFen());
        }
        StringBuilder matchesFirst = new StringBuilder();
        for (List<String> conditions : List.of(names, pinyin)) {
            if (!conditions.isEmpty()) {
                matchesFirst.append("(").append(String.join(" OR ", conditions)).append(") DESC, ");
            }
        }
        return new Where(sql.toString(), params, matchesFirst.toString());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The condition and its parameters; {@code matchesFirst} orders name matches first, then pinyin matches. */
    private record Where(String sql, Map<String, Object> params, String matchesFirst) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }
}
