package io.fupin.gateway.devissuer;

import io.fupin.gateway.identity.SellerGrants;
import io.fupin.support.identity.Role;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Login for demo users and the public keys that verify their tokens. */
@RestController
@ConditionalOnBooleanProperty("fupin.gateway.dev-issuer.enabled")
class DevIssuerController {

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String accessToken, long expiresIn, List<String> roles) {
    }

    /** A configured user as the administrator sees it: never a password. */
    record UserView(String username, List<String> roles, java.util.UUID sellerId) {
    }

    /** {@code audience}: the numbered consumers ({@code prefix}1 ... {@code prefix}{@code size}), listed as a range. */
    record Users(List<UserView> items, DevIssuerProperties.Audience audience) {
    }

    private final DemoUsers users;
    private final DevTokenIssuer issuer;
    private final SigningKey key;
    private final SellerGrants grants;

    DevIssuerController(DemoUsers users, DevTokenIssuer issuer, SigningKey key, SellerGrants grants) {
        this.users = users;
        this.issuer = issuer;
        this.key = key;
        this.grants = grants;
    }

    @Operation(summary = "Log a demo user in (development issuer only); a consumer whose seller application an "
            + "official approved gets the SELLER role and that seller's id in its token")
    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> token(@RequestBody TokenRequest request) {
        if (request.username() == null || request.username().isBlank() || request.password() == null) {
            return Mono.just(problem(ProblemType.INVALID_REQUEST, "Give a username and a password."));
        }
        return users.authenticate(request.username(), request.password())
                .map(account -> withGrant(account).map(this::issue))
                .orElseGet(() -> Mono.just(problem(ProblemType.INVALID_CREDENTIALS,
                        "The username or the password is wrong.")));
    }

    /** The account as configured, plus the seller of an approved application for a consumer configured as no seller. */
    private Mono<DemoUsers.Account> withGrant(DemoUsers.Account account) {
        if (!account.roles().contains(Role.CONSUMER) || account.roles().contains(Role.SELLER) || account.sellerId() != null) {
            return Mono.just(account);
        }
        return grants.sellerOf(account.username()).map(grant -> grant
                .map(seller -> new DemoUsers.Account(account.username(),
                        Stream.concat(account.roles().stream(), Stream.of(Role.SELLER)).toList(),
                        seller))
                .orElse(account));
    }

    private ResponseEntity<Object> issue(DemoUsers.Account account) {
        DevTokenIssuer.IssuedToken token = issuer.issue(account.username(), account.roles(), account.sellerId());
        return ResponseEntity.ok(new TokenResponse(token.value(), token.validFor().toSeconds(), token.roles()));
    }

    @Operation(summary = "The development issuer's users with their roles and seller, never a password (ADMIN; "
            + "development issuer only: with an OIDC provider, users and roles are managed there)")
    @GetMapping(path = "/api/auth/users", produces = MediaType.APPLICATION_JSON_VALUE)
    Users users() {
        return new Users(users.accounts().stream().map(account -> new UserView(account.username(),
                account.roles().stream().map(Enum::name).toList(), account.sellerId())).toList(), users.audience());
    }

    @Operation(summary = "The public keys of the development issuer (RFC 7517)")
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return new com.nimbusds.jose.jwk.JWKSet(key.jwk()).toPublicJWKSet().toJSONObject();
    }

    private static ResponseEntity<Object> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.json(type.problem(detail)));
    }
}
