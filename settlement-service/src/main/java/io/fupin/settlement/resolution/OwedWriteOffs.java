package io.fupin.settlement.resolution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OwedWriteOffs extends ListCrudRepository<OwedWriteOff, UUID> {

    /** Newest first. */
    List<OwedWriteOff> findAllByOrderByProposedAtDescIdAsc(Pageable page);

    /** The proposal waiting for a second clerk. */
    Optional<OwedWriteOff> findByPendingHousehold(UUID householdId);

    List<OwedWriteOff> findByPendingHouseholdIn(Collection<UUID> householdIds);

    /** The write-off, locked until the transaction ends, so that two clerks' decisions on it are taken in turn. */
    @Query("SELECT * FROM owed_write_off WHERE id = :id FOR UPDATE")
    Optional<OwedWriteOff> findForDecision(UUID id);
}
