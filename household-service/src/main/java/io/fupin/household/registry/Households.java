package io.fupin.household.registry;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The register. {@link #saveAll} of new households goes in JDBC batches, so that a 10,000-row import takes seconds. */
interface Households extends ListCrudRepository<Household, HouseholdId>, HouseholdSearch {

    /** How many values one {@code IN} list carries. */
    int CHUNK = 1000;

    List<Household> findAllByOrderByRegistrationNumber();

    List<Household> findByVillageIdInOrderByRegistrationNumber(Collection<UUID> villageIds);

    Optional<Household> findByIdentityIndex(String identityIndex);

    @Query("SELECT registration_number FROM household WHERE registration_number IN (:numbers)")
    List<String> findRegistrationNumbersAmong(Collection<String> numbers);

    @Query("SELECT identity_index FROM household WHERE identity_index IN (:indexes)")
    List<String> findIdentityIndexesAmong(Collection<String> indexes);

    /** Which of these registration numbers are taken already. */
    default Set<String> takenRegistrationNumbers(Collection<String> numbers) {
        return chunked(numbers, this::findRegistrationNumbersAmong);
    }

    /** Which of these identity indexes belong to a registered household already. */
    default Set<String> takenIdentityIndexes(Collection<String> indexes) {
        return chunked(indexes, this::findIdentityIndexesAmong);
    }

    private static Set<String> chunked(Collection<String> values, Function<List<String>, List<String>> query) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return found;
    }
}
