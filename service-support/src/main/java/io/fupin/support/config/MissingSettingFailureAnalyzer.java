package io.fupin.support.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.util.PlaceholderResolutionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * No secret has a committed default: a setting written {@code ${FUPIN_IDENTITY_SECRET}} in application.yml
 * has a value only when the environment gives one. When it does not (or gives one that fails validation,
 * such as a blank or short secret), the application stops, and this says which environment variable to set
 * rather than printing a stack trace.
 */
public class MissingSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PlaceholderResolutionException missing) {
                String variable = missing.getPlaceholder();
                return new FailureAnalysis("The setting ${" + variable + "} has no value: the environment variable "
                        + variable + " is not set, and it has no default in the repository.",
                        "Set the environment variable " + variable + " (the local stack, deploy/local/fupin, sets it for you).",
                        failure);
            }
            if (cause instanceof BindValidationException invalid) {
                List<String> problems = invalid.getValidationErrors().getAllErrors().stream()
                        .map(error -> describe(invalid, error))
                        .toList();
                String variables = invalid.getValidationErrors().getAllErrors().stream()
                        .filter(FieldError.class::isInstance)
                        .map(error -> environmentVariable(invalid.getValidationErrors().getName() + "."
                                + ((FieldError) error).getField()))
                        .distinct().collect(Collectors.joining(", "));
                return new FailureAnalysis("Invalid settings:\n    " + String.join("\n    ", problems),
                        "Set the environment variable(s) " + variables + " to valid values.", failure);
            }
        }
        return null;
    }

    private static String describe(BindValidationException invalid, ObjectError error) {
        if (error instanceof FieldError field) {
            String property = invalid.getValidationErrors().getName() + "." + field.getField();
            return environmentVariable(property) + " (" + property + ") " + field.getDefaultMessage();
        }
        return error.getDefaultMessage();
    }

    /** The environment variable Spring Boot's relaxed binding reads for a property: {@code a.b-c} → {@code A_BC}. */
    static String environmentVariable(String property) {
        return property.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
