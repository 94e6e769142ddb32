package io.fupin.household.web;

import io.fupin.household.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.HostileRecordsContract;
import java.util.List;
import java.util.Map;

/**
 * OWASP API10 ({@link HostileRecordsContract}) on the topics household-service reads, which catalog-, order- and
 * settlement-service write.
 */
@IntegrationTest
class HostileRecordsIntegrationTests extends HostileRecordsContract {

    HostileRecordsIntegrationTests() {
        super("household-service",
                Map.of("catalog-service.product-events.v1", "io.fupin.household.product.ProductEventMessage",
                        "order-service.order-events.v1", "io.fupin.household.presale.OrderEventMessage",
                        "settlement-service.payout-events.v1", "io.fupin.household.income.PayoutEventMessage"),
                Map.of("catalog-service.product-events.v1", "ProductUpdated",
                        "order-service.order-events.v1", "OrderPaid",
                        "settlement-service.payout-events.v1", "PayoutBatchPaid"),
                List.of(Caller.of("official", null, Role.OFFICIAL), Caller.of("admin", null, Role.ADMIN),
                        Caller.of("clerk", null, Role.CLERK)));
    }
}
