package io.fupin.settlement.intake;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.HostileRecordsContract;
import java.util.List;
import java.util.Map;

/** OWASP API10 ({@link HostileRecordsContract}) on the order, linkage and household topics settlement-service reads. */
@IntegrationTest
class HostileRecordsIntegrationTests extends HostileRecordsContract {

    HostileRecordsIntegrationTests() {
        super("settlement-service",
                Map.of("order-service.order-events.v1", "io.fupin.settlement.intake.OrderEventMessage",
                        "household-service.linkage-events.v1",
                        "io.fupin.settlement.allocation.LinkageEventsListener$LinkageEvents",
                        "household-service.household-events.v1",
                        "io.fupin.settlement.households.HouseholdDirectory$HouseholdEvents"),
                Map.of("order-service.order-events.v1", "OrderPaid",
                        "household-service.linkage-events.v1", "BenefitLinkageVersioned",
                        "household-service.household-events.v1", "HouseholdUpdated"),
                List.of(Caller.of("clerk-hostile", null, Role.CLERK), Caller.of("admin", null, Role.ADMIN),
                        Caller.of("official", null, Role.OFFICIAL)));
    }
}
