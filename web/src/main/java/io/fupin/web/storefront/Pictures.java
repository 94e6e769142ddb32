package io.fupin.web.storefront;

import java.util.Locale;

/**
 * Which picture a product shows: the photo its seller uploaded (served by catalog-service through the gateway,
 * under an address that changes with the photo, so the browser caches it), or else its category's drawing.
 */
final class Pictures {

    private Pictures() {
    }

    static String of(String photoUrl, String category) {
        if (photoUrl != null && photoUrl.startsWith("/api/catalog/products/")) {
            return photoUrl;
        }
        return "/static/img/category/" + (category == null ? "other" : category.toLowerCase(Locale.ROOT)) + ".svg";
    }
}
