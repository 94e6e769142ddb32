package io.fupin.web.storefront;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** catalog-service's search answer. */
public record SearchResult(List<Item> items, long totalItems, Facets facets, boolean degraded, int page, int size) {

    public record Item(UUID id, UUID sellerId, String sellerName, String name, String category, String brand,
            String unit, long priceFen, int stock, String town, String village, String certificateNumber,
            LocalDate presaleDeliveryDate, String photoUrl) {

        /** The seller's photo of it, or its category's picture when there is none. */
        public String picture() {
            return Pictures.of(photoUrl, category);
        }
    }

    public record Facets(List<Bucket> category, List<Bucket> seller, List<Bucket> town, List<PriceBand> price) {
    }

    public record Bucket(String key, String name, long count) {
    }

    public record PriceBand(String key, Long fromFen, Long toFen, long count) {
    }

    public int pages() {
        return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
    }
}
