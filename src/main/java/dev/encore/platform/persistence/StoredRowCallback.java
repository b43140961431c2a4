package dev.encore.platform.persistence;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

import dev.encore.platform.StoredRow;

/** Marks a {@link StoredRow} stored once Spring Data JDBC has saved it, so saving it again updates it. */
@Component
class StoredRowCallback implements AfterSaveCallback<StoredRow<?>> {

    @Override
    public StoredRow<?> onAfterSave(StoredRow<?> aggregate) {
        aggregate.markStored();
        return aggregate;
    }
}
