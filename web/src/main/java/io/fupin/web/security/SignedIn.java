package io.fupin.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A user signed in with the login form: the gateway's token lives here, in the server session only. */
public record SignedIn(String username, List<String> roles, String token, Instant expiresAt) implements Serializable {

    @Override
    public String toString() {
        return "SignedIn[" + username + ", " + roles + "]";
    }
}
