package io.fupin.support.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.problem.ProblemHandling;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The signed caller reaches method security: roles and ownership rules answer 200, 401 or 403 problems. */
@WebMvcTest
@TestPropertySource(properties = {"fupin.identity.secret=" + MethodSecurityTests.SECRET, "spring.application.name=test"})
class MethodSecurityTests {

    static final String SECRET = "method-security-test-secret-0123456789";
    static final UUID OWNED = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    final IdentitySignature signature = new IdentitySignature(SECRET, Duration.ofSeconds(60), Clock.systemUTC());

    @Autowired
    MockMvc mvc;

    @Test
    void aRoleTheRuleNamesPasses() throws Exception {
        mvc.perform(as(get("/api/ledger"), Caller.of("clerk", null, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string("ledger for clerk"));
    }

    @Test
    void anotherRoleIsForbiddenWithAProblem() throws Exception {
        mvc.perform(as(get("/api/ledger"), Caller.of("consumer", null, Role.CONSUMER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fupin.market/problems/forbidden"));
    }

    @Test
    void aVisitorWithoutTokenIsUnauthenticated() throws Exception {
        mvc.perform(as(get("/api/ledger"), Caller.anonymous()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://fupin.market/problems/unauthenticated"));
    }

    @Test
    void aRequestWithoutSignedIdentityNeverReachesTheRule() throws Exception {
        mvc.perform(get("/api/ledger")).andExpect(status().isUnauthorized());
    }

    @Test
    void anOwnershipRuleLetsTheOwnerInAndKeepsOthersOut() throws Exception {
        mvc.perform(as(get("/api/products/" + OWNED), Caller.of("seller", SELLER, Role.SELLER)))
                .andExpect(status().isOk());
        mvc.perform(as(get("/api/products/" + OWNED), Caller.of("other", UUID.randomUUID(), Role.SELLER)))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Caller caller) {
        signature.headersFor(caller).forEach(request::header);
        return request;
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({IdentityAutoConfiguration.class, MethodSecurityAutoConfiguration.class})
    @Import({LedgerController.class, Ledger.class, Owners.class, Problems.class})
    static class Application {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @RestController
    static class LedgerController {
        private final Ledger ledger;

        LedgerController(Ledger ledger) {
            this.ledger = ledger;
        }

        @GetMapping("/api/ledger")
        String ledger(Caller caller) {
            return ledger.forClerk(caller);
        }

        @GetMapping("/api/products/{productId}")
        String product(@PathVariable UUID productId) {
            return ledger.product(productId);
        }
    }

    @Service
    static class Ledger {
        @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
        String forClerk(Caller caller) {
            return "ledger for " + caller.userId();
        }

        @PreAuthorize("@owners.ofProduct(#productId)")
        String product(UUID productId) {
            return "product " + productId;
        }
    }

    @Component("owners")
    static class Owners {
        public boolean ofProduct(UUID productId) {
            return OWNED.equals(productId)
                    && Callers.current().map(caller -> SELLER.equals(caller.sellerId())).orElse(false);
        }
    }

    @RestControllerAdvice
    static class Problems extends ProblemHandling {
    }
}
