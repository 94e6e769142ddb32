package io.fupin.catalog.search;

import java.util.List;

/** Filter values outside their allowed values (an unknown category, sort or price band), all of them at once. */
public class InvalidSearchFilter extends RuntimeException {

    /** One rejected parameter, what is wrong with it and the values it may take (empty when not a list). */
    public record Rejected(String field, String message, List<String> allowed) {

        static Rejected notOneOf(String field, String value, List<String> allowed) {
            return new Rejected(field, "must be one of " + String.join(", ", allowed) + " (any case), not '" + value + "'",
                    allowed);
        }
    }

    private final List<Rejected> rejected;

    InvalidSearchFilter(List<Rejected> rejected) {
        super(String.join("; ", rejected.stream().map(r -> r.field() + " " + r.message()).toList()));
        this.rejected = List.copyOf(rejected);
    }

    public List<Rejected> rejected() {
        return rejected;
    }
}
