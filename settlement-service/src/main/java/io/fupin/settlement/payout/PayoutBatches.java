package io.fupin.settlement.payout;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PayoutBatches extends ListCrudRepository<PayoutBatch, PayoutBatchId> {

    List<PayoutBatch> findByPeriodIdIn(Collection<SettlementPeriodId> periodIds);

    long countByStatus(PayoutBatch.Status status);

    @Query("SELECT COALESCE(SUM(total_fen), 0) FROM payout_batch WHERE status = :status")
    long totalFenByStatus(PayoutBatch.Status status);
}
