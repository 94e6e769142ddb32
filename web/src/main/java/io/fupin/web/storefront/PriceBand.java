package io.fupin.web.storefront;

/**
 * A price facet's band by its key as catalog-service names it: {@code <fromFen>-<toFen>} with the upper edge
 * exclusive and empty for the top band ({@code 2000-5000}, {@code 20000-}).
 */
public record PriceBand(Long fromFen, Long toFen) {

    /** The band of a key, or {@code null} when the key is absent or malformed. */
    static PriceBand of(String key) {
        if (key == null || !key.matches("\\d{1,12}-\\d{0,12}")) {
            return null;
        }
        int dash = key.indexOf('-');
        Long from = Long.parseLong(key.substring(0, dash));
        String upper = key.substring(dash + 1);
        return new PriceBand(from == 0 ? null : from, upper.isEmpty() ? null : Long.parseLong(upper));
    }
}
