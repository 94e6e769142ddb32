package io.fupin.web.gateway;

/** The API refused the user's token (expired or revoked): the user signs in again. */
public class SignInNeeded extends RuntimeException {

    public SignInNeeded() {
        super("The token was refused; sign in again.");
    }
}
