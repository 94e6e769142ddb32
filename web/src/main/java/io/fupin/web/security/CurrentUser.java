package io.fupin.web.security;

import io.fupin.web.gateway.SignInNeeded;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/** The signed-in user's bearer token for the gateway, from the session: the form login's or the OIDC client's. */
@Component
public class CurrentUser {

    private final ObjectProvider<OAuth2AuthorizedClientService> authorizedClients;

    CurrentUser(ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /** The token, or empty for a visitor. */
    public Optional<String> token() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof SignedIn user) {
            return Optional.of(user.token());
        }
        if (auth instanceof OAuth2AuthenticationToken oidc) {
            OAuth2AuthorizedClientService service = authorizedClients.getIfAvailable();
            OAuth2AuthorizedClient client = service == null ? null
                    : service.loadAuthorizedClient(oidc.getAuthorizedClientRegistrationId(), oidc.getName());
            return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
        }
        return Optional.empty();
    }

    /** The token of a page that needs a signed-in user (the security rules send visitors to the login first). */
    public String requireToken() {
        return token().orElseThrow(SignInNeeded::new);
    }
}
