package io.fupin.web.gateway;

import java.util.function.Supplier;

/**
 * One part of a page: its value, or {@code down} when its service could not answer, so that the rest of the page
 * still renders and this part says so.
 */
public record Fetched<T>(T value, boolean down) {

    public static <T> Fetched<T> of(Supplier<T> call) {
        try {
            return new Fetched<>(call.get(), false);
        } catch (ServiceDown unavailable) {
            return new Fetched<>(null, true);
        }
    }

    public boolean present() {
        return value != null;
    }
}
