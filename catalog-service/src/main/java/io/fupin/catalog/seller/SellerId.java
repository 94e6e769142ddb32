package io.fupin.catalog.seller;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A seller's id: the UUID derived from its credit code, the same string in JSON, paths, columns and events. */
public record SellerId(UUID value) implements Identifier {
}
