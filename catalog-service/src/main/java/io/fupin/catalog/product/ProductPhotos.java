package io.fupin.catalog.product;

import io.fupin.support.identity.Caller;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo a seller shows of a product: one per product, uploaded by its seller, checked by its content (kind and
 * pixel size, {@link PhotoFormat}) and kept in MariaDB, so that any instance serves it. Its address carries the
 * version ({@code ?v=<etag>}), so a new photo is a new address and browsers may cache each one for long.
 */
@Service
public class ProductPhotos {

    private static final String PHOTO_PATH = "/api/catalog/products/%s/photo?v=%s";

    private final JdbcClient jdbc;
    private final Products products;
    private final Clock clock;

    ProductPhotos(JdbcClient jdbc, Products products, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.clock = clock;
    }

    /** A stored photo: the image and what it is served with. */
    public record Photo(String mediaType, String etag, byte[] image) {
    }

    /** What an upload answers: where the photo is served, its kind and size. */
    public record PhotoView(ProductId productId, String url, String mediaType, int width, int height, int sizeBytes,
            String etag, Instant uploadedAt) {
    }

    /** The product's seller (or an admin) sets its photo, replacing any earlier one. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public PhotoView upload(Caller caller, ProductId id, byte[] image) {
        if (!products.existsById(id)) {
            throw new ProductNotFound(id);
        }
        if (image.length == 0) {
            throw new InvalidPhoto("the file is empty");
        }
        PhotoFormat format = PhotoFormat.of(image);
        String etag = etagOf(image);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO product_photo (product_id, media_type, width, height, size_bytes, etag, image, uploaded_by,
                                           uploaded_at)
                VALUES (:id, :type, :width, :height, :size, :etag, :image, :by, :at)
                ON DUPLICATE KEY UPDATE media_type = VALUES(media_type), width = VALUES(width),
                    height = VALUES(height), size_bytes = VALUES(size_bytes), etag = VALUES(etag),
                    image = VALUES(image), uploaded_by = VALUES(uploaded_by), uploaded_at = VALUES(uploaded_at)""")
                .param("id", id.value().toString()).param("type", format.mediaType())
                .param("width", format.width()).param("height", format.height()).param("size", image.length)
                .param("etag", etag).param("image", image).param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .update();
        return new PhotoView(id, url(id, etag), format.mediaType(), format.width(), format.height(), image.length,
                etag, now);
    }

    /** The product's seller (or an admin) takes its photo down: the category's picture shows again. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public void remove(ProductId id) {
        if (!products.existsById(id)) {
            throw new ProductNotFound(id);
        }
        jdbc.sql("DELETE FROM product_photo WHERE product_id = :id").param("id", id.value().toString()).update();
    }

    /** The current photo's version, read without the image: enough to answer a conditional request. */
    @Transactional(readOnly = true)
    public String etag(ProductId id) {
        return jdbc.sql("SELECT etag FROM product_photo WHERE product_id = :id").param("id", id.value().toString())
                .query(String.class).optional()
                .orElseThrow(() -> products.existsById(id) ? new PhotoNotFound(id) : new ProductNotFound(id));
    }

    @Transactional(readOnly = true)
    public Photo photo(ProductId id) {
        Optional<Photo> photo = jdbc.sql("SELECT media_type, etag, image FROM product_photo WHERE product_id = :id")
                .param("id", id.value().toString())
                .query((rs, n) -> new Photo(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
        return photo.orElseThrow(() -> products.existsById(id) ? new PhotoNotFound(id) : new ProductNotFound(id));
    }

    /** The address of each product's photo, for those that have one. */
    @Transactional(readOnly = true)
    public Map<ProductId, String> urlsOf(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(id -> id.value().toString()).distinct().toList();
        return jdbc.sql("SELECT product_id, etag FROM product_photo WHERE product_id IN (:ids)")
                .param("ids", keys)
                .query((rs, n) -> {
                    ProductId id = new ProductId(UUID.fromString(rs.getString(1)));
                    return Map.entry(id, url(id, rs.getString(2)));
                })
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The address of the product's photo, or {@code null} when it has none (the category's picture is shown). */
    String urlOf(ProductId id) {
        return urlsOf(List.of(id)).get(id);
    }

    private static String url(ProductId id, String etag) {
        return PHOTO_PATH.formatted(id.value(), etag);
    }

    private static String etagOf(byte[] image) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(image);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
