package io.fupin.settlement.payout;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface PayoutBatches extends ListCrudRepository<PayoutBatch, UUID> {

    Optional<PayoutBatch> findByPeriodId(UUID periodId);
}
