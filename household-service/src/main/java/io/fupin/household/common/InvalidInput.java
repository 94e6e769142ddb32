package io.fupin.household.common;

import io.fupin.support.problem.ProblemHandling.FieldProblem;
import io.fupin.support.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * Input that breaks a business rule, refused as the platform's 400 {@code invalid-request}; each violation names
 * the field at fault and, for a row of an import, its line, and the detail quotes the first violation's message
 * (an official fixing a file reads the detail before the list).
 */
public class InvalidInput extends io.fupin.support.problem.InvalidInput {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemType.INVALID_REQUEST.problem(detail());
        problem.setProperty("errors", violations.stream().map(Violation::member).toList());
        return problem;
    }

    @Override
    protected String detail() {
        if (violations.isEmpty()) {
            return "The request is invalid.";
        }
        Violation first = violations.getFirst();
        return violations.size() == 1 ? "Invalid " + first.where() + ": " + first.message() + "."
                : violations.size() + " problems, first: " + first.where() + ": " + first.message() + ".";
    }

    /** One offending field; {@code line} is the import file's line number, or {@code null}. */
    public record Violation(String field, String message, Integer line) {

        public Violation(String field, String message) {
            this(field, message, null);
        }

        String where() {
            return line == null ? field : "line " + line + " " + field;
        }

        Map<String, Object> member() {
            Map<String, Object> error = new LinkedHashMap<>();
            if (line != null) {
                error.put("line", line);
            }
            error.put("field", field);
            error.put("message", message);
            return error;
        }
    }
}
