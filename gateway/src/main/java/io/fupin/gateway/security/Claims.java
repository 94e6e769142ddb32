package io.fupin.gateway.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads a claim by dotted path, as identity providers nest roles ({@code realm_access.roles}). */
final class Claims {

    private Claims() {
    }

    static Object at(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** The claim's values as strings: a JSON array, or a space- or comma-separated string. */
    static List<String> strings(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }

    static String string(Map<String, Object> claims, String path) {
        Object value = at(claims, path);
        return value == null ? null : value.toString();
    }
}
