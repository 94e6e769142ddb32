package io.fupin.household.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;

/** {@link HouseholdSearch} with the filters the caller gave, and only those. */
class HouseholdSearchImpl implements HouseholdSearch {

    private final JdbcAggregateOperations aggregates;

    HouseholdSearchImpl(JdbcAggregateOperations aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public List<Household> page(Collection<UUID> villageIds, Collection<UUID> ids, HouseholdCategory category,
            long offset, int size) {
        if (none(villageIds) || none(ids)) {
            return List.of();
        }
        return aggregates.findAll(Query.query(where(villageIds, ids, category))
                .sort(Sort.by("registrationNumber")).offset(offset).limit(size), Household.class);
    }

    @Override
    public long count(Collection<UUID> villageIds, Collection<UUID> ids, HouseholdCategory category) {
        if (none(villageIds) || none(ids)) {
            return 0;
        }
        return aggregates.count(Query.query(where(villageIds, ids, category)), Household.class);
    }

    private static boolean none(Collection<UUID> limit) {
        return limit != null && limit.isEmpty();
    }

    private static Criteria where(Collection<UUID> villageIds, Collection<UUID> ids, HouseholdCategory category) {
        List<Criteria> criteria = new ArrayList<>();
        if (villageIds != null) {
            criteria.add(Criteria.where("villageId").in(villageIds));
        }
        if (ids != null) {
            criteria.add(Criteria.where("id").in(ids));
        }
        if (category != null) {
            criteria.add(Criteria.where("category").is(category));
        }
        return Criteria.from(criteria);
    }
}
