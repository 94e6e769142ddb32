package io.fupin.support.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of the platform, the one type the gateway and the services share. Method security sees each
 * as the authority {@code ROLE_<name>}, so a rule reads {@code @PreAuthorize("hasAnyRole('CLERK','ADMIN')")}.
 */
public enum Role {
    CONSUMER, SELLER, CLERK, OFFICIAL, ADMIN,
    /** What services give each other when one calls another; never held by a person. */
    SERVICE;

    /** The roles a person's token may carry; {@link #SERVICE} is not among them. */
    public static final Set<Role> PERSONAL = Set.of(CONSUMER, SELLER, CLERK, OFFICIAL, ADMIN);

    /** The role a name denotes, case-insensitively (identity providers often use lower case). */
    public static Optional<Role> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
