package io.fupin.support.problem;

import io.fupin.support.problem.ProblemHandling.FieldProblem;
import java.util.List;
import org.springframework.http.ProblemDetail;

/**
 * Input that bean validation cannot judge (a period that ends before it starts, a cost above its cap), refused
 * like bean validation's own findings: a 400 {@code invalid-request} naming each offending field in {@code errors}.
 */
public class InvalidInput extends Refusal {

    private final List<FieldProblem> fields;

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInput(List<FieldProblem> fields) {
        super(ProblemType.INVALID_REQUEST, fields.size() == 1 ? fields.getFirst().message()
                : String.join("; ", fields.stream().map(f -> f.field() + " " + f.message()).toList()));
        this.fields = List.copyOf(fields);
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemHandling.invalid(fields);
        properties().forEach(problem::setProperty);
        return problem;
    }
}
