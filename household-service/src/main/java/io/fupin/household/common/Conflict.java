package io.fupin.household.common;

/** The request is well-formed but clashes with the current state; {@code slug} names the clash. */
public class Conflict extends RuntimeException {

    private final String slug;

    public Conflict(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
