package io.fupin.gateway.security;

import io.fupin.support.identity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;

/**
 * One row of the gateway's access table.
 *
 * @param methods the methods the row applies to; empty means every method
 * @param pattern the path pattern
 * @param access  who passes
 * @param roles   the roles that pass when {@code access} is {@link Access#ROLES}
 * @param why     why the row exists, for the README
 */
public record AccessRule(List<HttpMethod> methods, String pattern, Access access, Set<Role> roles, String why) {

    public enum Access { PUBLIC, AUTHENTICATED, ROLES, NOBODY }

    public AccessRule {
        methods = List.copyOf(methods);
        roles = Set.copyOf(roles);
        if ((access == Access.ROLES) == roles.isEmpty()) {
            throw new IllegalArgumentException("Roles are given exactly when access is ROLES: " + pattern);
        }
    }

    static AccessRule open(String pattern, String why, HttpMethod... methods) {
        return new AccessRule(List.of(methods), pattern, Access.PUBLIC, Set.of(), why);
    }

    static AccessRule roles(String pattern, Set<Role> roles, String why, HttpMethod... methods) {
        return new AccessRule(List.of(methods), pattern, Access.ROLES, roles, why);
    }

    static AccessRule authenticated(String pattern, String why) {
        return new AccessRule(List.of(), pattern, Access.AUTHENTICATED, Set.of(), why);
    }

    static AccessRule nobody(String pattern, String why) {
        return new AccessRule(List.of(), pattern, Access.NOBODY, Set.of(), why);
    }

    /** The role names in the enum's order, for Spring Security's {@code hasAnyRole} and the README. */
    String[] roleNames() {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::name).toArray(String[]::new);
    }

    /** This row as a line of the README's markdown table. */
    String asMarkdownRow() {
        String method = methods.isEmpty() ? "any" : methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        String who = switch (access) {
            case PUBLIC -> "everyone, no token";
            case AUTHENTICATED -> "any valid token";
            case NOBODY -> "nobody";
            case ROLES -> String.join(", ", roleNames());
        };
        return "| " + method + " | `" + pattern + "` | " + who + " | " + why + " |";
    }
}
