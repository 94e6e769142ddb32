package io.fupin.order.stock;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/**
 * A product of catalog-service, as order-service reserves, sells and limits it: catalog's id of the product. In
 * JSON, paths, the {@code product_id} columns and events it is that UUID.
 */
public record ProductId(UUID value) implements Identifier {
}
