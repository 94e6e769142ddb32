package io.fupin.web.security;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.gateway.ServiceDown;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks the login form's username and password by asking the gateway's issuer for a token. */
@Component
class GatewayLogin implements AuthenticationProvider {

    record TokenAnswer(String accessToken, long expiresIn, List<String> roles) {
    }

    private final Gateway gateway;
    private final Clock clock;

    GatewayLogin(Gateway gateway) {
        this.gateway = gateway;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String username = form.getName();
        String password = String.valueOf(form.getCredentials());
        TokenAnswer answer;
        try {
            answer = gateway.post(null, "/api/auth/token", Map.of("username", username, "password", password),
                    Map.of(), TokenAnswer.class);
        } catch (ApiProblem refused) {
            throw new BadCredentialsException(refused.detail());
        } catch (ServiceDown down) {
            throw new AuthenticationServiceException("login unavailable", down);
        }
        List<String> roles = answer.roles() == null ? List.of() : answer.roles();
        SignedIn user = new SignedIn(username, roles, answer.accessToken(),
                Instant.now(clock).plusSeconds(answer.expiresIn()));
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
