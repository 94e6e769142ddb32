package io.fupin.household.places;

import java.util.UUID;

/** One place; {@code parentId} is null only for a district. */
public record Place(UUID id, PlaceKind kind, String name, UUID parentId) {
}
