package io.fupin.household.agreement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Purchase agreements with their deliveries. */
interface Agreements extends ListCrudRepository<PurchaseAgreement, AgreementId> {

    /** The agreement, locked until the transaction ends: deliveries recorded at once take turns. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PurchaseAgreement> findLockedById(AgreementId id);

    /** A page of a household's agreements; sort it by {@code validFrom} then {@code recordedAt}. */
    List<PurchaseAgreement> findByHouseholdId(UUID householdId, Pageable page);

    long countByHouseholdId(UUID householdId);
}
