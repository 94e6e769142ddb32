package io.fupin.catalog.product;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/**
 * A product's id: a random UUID given when the product is listed. In JSON, paths, the {@code product.id} and
 * {@code product_id} columns, the search index and events it is that UUID.
 */
public record ProductId(UUID value) implements Identifier {
}
