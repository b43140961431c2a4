package dev.encore.library.search;

import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.library.ContentChanged;

/**
 * Keeps the search engine in step with the database: each committed change is read back and put
 * into (or taken out of) the index. Reading the current row instead of trusting the event makes
 * late or repeated deliveries harmless.
 */
@Component
class SearchIndexer {

    private static final Lock[] LOCKS = new Lock[64];

    static {
        Arrays.setAll(LOCKS, i -> new ReentrantLock());
    }

    private final SearchEngine engine;
    private final SearchDocuments documents;
    private final LibrarySearch search;

    SearchIndexer(SearchEngine engine, SearchDocuments documents, LibrarySearch search) {
        this.engine = engine;
        this.documents = documents;
        this.search = search;
    }

    @ApplicationModuleListener
    void on(ContentChanged changed) {
        // read and write under one lock per id: two quick edits of one item, handled by two threads,
        // cannot land in the index in the wrong order
        Lock lock = LOCKS[Math.floorMod(changed.id().hashCode(), LOCKS.length)];
        lock.lock();
        try {
            documents.of(changed.id(), changed.kind()).ifPresentOrElse(engine::upsert,
                    () -> engine.delete(changed.id()));
        }
        catch (SearchUnavailableException e) {
            // the rebuild reads the database after this commit: the change is not lost
            search.degrade(e);
        }
        finally {
            lock.unlock();
        }
    }
}
