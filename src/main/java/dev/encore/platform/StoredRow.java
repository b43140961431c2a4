package dev.encore.platform;

import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A Spring Data JDBC aggregate whose id is assigned before it is stored and that has no version
 * column, so Spring Data cannot tell by the row alone whether a save inserts or updates. It knows
 * from how the object came to be: made by Encore it is new, read from the database (the
 * constructor Spring Data reads it through passes {@code true}) it is stored, and once saved it is
 * stored too (marked by {@code StoredRowCallback}).
 *
 * @param <I> the id's type
 */
public abstract class StoredRow<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    /** @param stored whether the object was read from the database */
    protected StoredRow(boolean stored) {
        this.stored = stored;
    }

    @Override
    public final boolean isNew() {
        return !stored;
    }

    /** It was saved: a later save updates it. */
    public final void markStored() {
        stored = true;
    }
}
