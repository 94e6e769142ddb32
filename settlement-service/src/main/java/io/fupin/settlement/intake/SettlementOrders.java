package io.fupin.settlement.intake;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SettlementOrders extends ListCrudRepository<SettlementOrder, UUID> {
}
