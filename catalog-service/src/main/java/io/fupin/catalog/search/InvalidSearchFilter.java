package io.fupin.catalog.search;

import io.fupin.support.problem.InvalidInput;
import io.fupin.support.problem.ProblemHandling.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filter values outside their allowed values (an unknown category, sort or price band), all of them at once: each
 * rejected filter is named in {@code errors}, and what it may be is listed in {@code allowedValues}.
 */
public class InvalidSearchFilter extends InvalidInput {

    /** One rejected parameter, what is wrong with it and the values it may take (empty when not a list). */
    public record Rejected(String field, String message, List<String> allowed) {

        static Rejected notOneOf(String field, String value, List<String> allowed) {
            return new Rejected(field, "must be one of " + String.join(", ", allowed) + " (any case), not '" + value + "'",
                    allowed);
        }
    }

    private final List<Rejected> rejected;

    InvalidSearchFilter(List<Rejected> rejected) {
        super(rejected.stream().map(r -> new FieldProblem(r.field(), r.message())).toList());
        this.rejected = List.copyOf(rejected);
    }

    public List<Rejected> rejected() {
        return rejected;
    }

    @Override
    protected Map<String, Object> properties() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        rejected.stream().filter(r -> !r.allowed().isEmpty()).forEach(r -> allowed.put(r.field(), r.allowed()));
        return allowed.isEmpty() ? Map.of() : Map.of("allowedValues", allowed);
    }
}
