package io.fupin.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A user signed in with the login form: the gateway's token lives here, in the server session only. Its name (what
 * the pages show as {@code #authentication.name}) is the username.
 */
public record SignedIn(String username, List<String> roles, String token, Instant expiresAt)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String toString() {
        return "SignedIn[" + username + ", " + roles + "]";
    }
}
