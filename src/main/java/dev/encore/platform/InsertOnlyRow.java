package dev.encore.platform;

import org.springframework.data.domain.Persistable;

/**
 * A Spring Data JDBC aggregate whose rows are only ever inserted through its repository. Its id is
 * assigned before it is stored, so Spring Data cannot tell a new one from a stored one by a missing
 * id: a save of one always inserts it, and later changes, if any, go through the repository's own
 * statements.
 *
 * @param <I> the id's type
 */
public abstract class InsertOnlyRow<I> implements Persistable<I> {

    @Override
    public final boolean isNew() {
        return true;
    }
}
