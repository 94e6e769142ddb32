package io.fupin.household.web;

import io.fupin.household.common.Conflict;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.NotFound;
import io.fupin.household.registry.PersonalDataCipher.UnreadablePersonalData;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class HouseholdProblemHandling extends ProblemHandling {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail onInvalid(InvalidInput ex) {
        List<Map<String, Object>> errors = ex.violations().stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            if (v.line() != null) {
                error.put("line", v.line());
            }
            error.put("field", v.field());
            error.put("message", v.message());
            return error;
        }).toList();
        String detail = ex.violations().size() == 1
                ? "Invalid " + describe(ex.violations().getFirst()) + ": " + ex.violations().getFirst().message() + "."
                : ex.violations().size() + " problems, first: " + describe(ex.violations().getFirst()) + ": "
                        + ex.violations().getFirst().message() + ".";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail onNotFound(NotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail onConflict(Conflict ex) {
        return Problems.of(HttpStatus.CONFLICT, ex.slug(), ex.getMessage());
    }

    /** Stored data that does not open for its row is the service's fault, named, never shown as another number. */
    @ExceptionHandler(UnreadablePersonalData.class)
    ProblemDetail onUnreadable(UnreadablePersonalData ex) {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "unreadable-personal-data", ex.getMessage());
    }

    private static String describe(InvalidInput.Violation v) {
        return v.line() == null ? v.field() : "line " + v.line() + " " + v.field();
    }
}
