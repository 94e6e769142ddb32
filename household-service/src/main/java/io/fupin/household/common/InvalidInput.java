package io.fupin.household.common;

import java.util.List;

/** Input that breaks a business rule; each violation names the field (or import line) at fault. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.getFirst().field() + ": " + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One offending field; {@code line} is the import file's line number, or {@code null}. */
    public record Violation(String field, String message, Integer line) {
        public Violation(String field, String message) {
            this(field, message, null);
        }
    }
}
