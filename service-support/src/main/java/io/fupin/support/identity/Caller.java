package io.fupin.support.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who is calling, as the gateway (or a trusted peer service) vouched for it with a signature.
 *
 * @param userId   the authenticated user's id, {@value #ANONYMOUS} for a visitor without a token
 * @param roles    upper-case role names: CONSUMER, SELLER, CLERK, OFFICIAL, ADMIN, SERVICE
 * @param sellerId the seller a SELLER user acts for, or {@code null}
 */
public record Caller(String userId, Set<String> roles, UUID sellerId) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        roles = Set.copyOf(new TreeSet<>(roles == null ? Set.of() : roles));
    }

    public static Caller anonymous() {
        return new Caller(ANONYMOUS, Set.of(), null);
    }

    public static Caller of(String userId, UUID sellerId, String... roles) {
        return new Caller(userId, Set.of(roles), sellerId);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(userId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Throws {@link AccessDenied} unless the caller holds one of the roles. */
    public Caller requireAnyRole(String... candidates) {
        if (!hasAnyRole(candidates)) {
            throw new AccessDenied("This needs one of the roles " + String.join(", ", candidates) + ".");
        }
        return this;
    }

    /** Roles in their canonical header form: sorted, comma-separated. */
    public String rolesAsHeader() {
        return String.join(",", new TreeSet<>(roles));
    }

    static Set<String> rolesFromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        Collection<String> parts = Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return Set.copyOf(parts);
    }
}
