package io.fupin.gateway.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a person can hold. {@code SERVICE}, which services give each other, is deliberately absent:
 * a token claiming it gets no such role through the gateway.
 */
public enum Role {
    CONSUMER, SELLER, CLERK, OFFICIAL, ADMIN;

    /** The role a claim value names, case-insensitively; identity providers often use lower case. */
    public static Optional<Role> named(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
