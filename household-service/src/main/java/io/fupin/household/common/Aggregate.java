package io.fupin.household.common;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An aggregate whose id is chosen in code, not by the database: Spring Data cannot tell from the id whether to
 * insert or update, so the aggregate says so. One made by a factory method is new; one read back (through the
 * {@code @PersistenceCreator} constructor) is not.
 */
public abstract class Aggregate<ID> implements Persistable<ID> {

    @Id
    private final ID id;
    @Transient
    private final boolean isNew;

    protected Aggregate(ID id, boolean isNew) {
        this.id = id;
        this.isNew = isNew;
    }

    @Override
    public ID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
