package io.fupin.settlement.resolution;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SuspenseFollowUps extends ListCrudRepository<SuspenseFollowUp, UUID> {

    /** The same note on the same line by the same clerk (a form sent twice). */
    Optional<SuspenseFollowUp> findByOrderIdAndLineNoAndAskedByAndNote(UUID orderId, int lineNo, String askedBy,
            String note);
}
