package io.fupin.support.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, as the gateway (or a trusted peer service) vouched for it with a signature.
 *
 * @param userId   the authenticated user's id, {@value #ANONYMOUS} for a visitor without a token
 * @param roles    the caller's roles
 * @param sellerId the seller a SELLER user acts for, or {@code null}
 */
public record Caller(String userId, Set<Role> roles, UUID sellerId) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller anonymous() {
        return new Caller(ANONYMOUS, Set.of(), null);
    }

    public static Caller of(String userId, UUID sellerId, Role... roles) {
        return new Caller(userId, Set.of(roles), sellerId);
    }

    /** For callers written down by name, as tests do; an unknown name is an error. */
    public static Caller of(String userId, UUID sellerId, String... roles) {
        return new Caller(userId, Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()), sellerId);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(userId);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Roles in their canonical header form: sorted by name, comma-separated. */
    public String rolesAsHeader() {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    /** Names nobody signs are dropped rather than trusted. */
    static Set<Role> rolesFromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).flatMap(name -> Role.named(name).stream()).collect(Collectors.toSet());
    }
}
