package io.fupin.support.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified {@link Caller} as Spring Security sees it: the caller is the principal, each {@link Role} an
 * authority {@code ROLE_<name>}. A visitor without a token becomes an anonymous authentication, so that a
 * rule it fails answers 401 rather than 403.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private static final String ANONYMOUS_KEY = "fupin-anonymous";

    private final Caller caller;

    private CallerAuthentication(Caller caller) {
        super(caller.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    public static Authentication of(Caller caller) {
        if (caller.isAnonymous()) {
            return new AnonymousAuthenticationToken(ANONYMOUS_KEY, caller,
                    List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
        }
        return new CallerAuthentication(caller);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller.userId();
    }
}
