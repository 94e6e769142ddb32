package io.fupin.settlement.web;

import static io.fupin.support.testing.AccessMatrix.get;
import static io.fupin.support.testing.AccessMatrix.only;
import static io.fupin.support.testing.AccessMatrix.post;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.AccessMatrix;
import io.fupin.support.testing.AccessMatrix.Who;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Settlement is the clerks' work: every endpoint answers CLERK and ADMIN only, but a trace page's public read, the
 * dead letters (ADMIN), a seller's own sales (any SELLER, each seeing only its own) and the actions on suspense and
 * on what households owe back (CLERK only: an administrator reads them but does not move that money).
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    static final Set<Who> CLERKS = only(Who.CLERK, Who.ADMIN);

    /** Bodies pass validation but the use case refuses them, so that allowed calls change nothing. */
    static final AccessMatrix MATRIX = new AccessMatrix(List.of(
            post("/api/settlements/periods", () -> "{\"firstDay\":\"2031-01-02\",\"lastDay\":\"2031-01-01\"}", CLERKS),
            get("/api/settlements/periods", CLERKS),
            get("/api/settlements/periods/{periodId}/report", CLERKS),
            get("/api/settlements/reconciliation?from=2031-01-01&to=2031-01-02", CLERKS),
            get("/api/settlements/suspense", CLERKS),
            post("/api/settlements/suspense/{orderId}/lines/{lineNo}/follow-ups", () -> "{\"note\":\"请申报利益联结\"}",
                    only(Who.CLERK)),
            get("/api/settlements/suspense/follow-ups", CLERKS),
            post("/api/settlements/suspense/{orderId}/lines/{lineNo}/allocation",
                    () -> "{\"linkageId\":\"" + UUID.randomUUID() + "\",\"version\":1}", only(Who.CLERK)),
            get("/api/settlements/owed", CLERKS),
            post("/api/settlements/owed/{householdId}/write-offs", () -> "{\"amountFen\":100,\"note\":\"核销\"}",
                    only(Who.CLERK)),
            get("/api/settlements/write-offs", CLERKS),
            post("/api/settlements/write-offs/{writeOffId}/approval", () -> null, only(Who.CLERK)),
            post("/api/settlements/write-offs/{writeOffId}/rejection", () -> null, only(Who.CLERK)),
            get("/api/settlements/ledger/balances", CLERKS),
            get("/api/settlements/batches/{batchId}", CLERKS),
            post("/api/settlements/batches/{batchId}/approval", () -> null, CLERKS),
            get("/api/settlements/batches/{batchId}/payout-file", CLERKS),
            post("/api/settlements/batches/{batchId}/payment", () -> "{\"bankReference\":\"BANK-1\"}", CLERKS),
            get("/api/settlements/households/{householdId}/statement", CLERKS),
            get("/api/settlements/households/{householdId}/statement.csv", CLERKS),
            get("/api/settlements/orders/{orderId}", CLERKS),
            get("/api/settlements/parked-events", CLERKS),
            get("/api/settlements/dead-letters", only(Who.ADMIN)),
            post("/api/settlements/dead-letters/replay", () -> null, only(Who.ADMIN)),
            get("/api/settlements/sales?from=2031-01-01&to=2031-01-31", only(Who.SELLER_OWNER, Who.SELLER_OTHER)),
            get("/api/settlements/public/orders/{orderId}/products/{productId}", AccessMatrix.ANYONE)));

    @Autowired
    IdentitySignature signature;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @LocalServerPort
    int port;

    @Test
    void listsEveryEndpoint() {
        MATRIX.coversEveryEndpointOf(mapping);
    }

    @Test
    void exposesOnlyHealthAndPrometheusOfTheActuator() {
        AccessMatrix.assertOnlyHealthAndPrometheusAreExposed("http://127.0.0.1:" + port);
    }

    @Test
    void onlyClerksAndAdminsPass() {
        UUID seller = UUID.randomUUID();
        MATRIX.check("http://127.0.0.1:" + port, signature, Map.of(
                Who.CONSUMER, Caller.of("consumer", null, Role.CONSUMER),
                Who.SELLER_OWNER, Caller.of("seller", seller, Role.SELLER),
                Who.SELLER_OTHER, Caller.of("other-seller", UUID.randomUUID(), Role.SELLER),
                Who.CLERK, Caller.of("clerk-matrix", null, Role.CLERK),
                Who.OFFICIAL, Caller.of("official", null, Role.OFFICIAL),
                Who.ADMIN, Caller.of("admin", null, Role.ADMIN),
                Who.SERVICE, Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("periodId", UUID.randomUUID().toString(), "batchId", UUID.randomUUID().toString(),
                        "householdId", UUID.randomUUID().toString(), "orderId", UUID.randomUUID().toString(),
                        "productId", UUID.randomUUID().toString(), "writeOffId", UUID.randomUUID().toString(), "lineNo", "0"));
    }
}
