package dev.encore.ingest.run;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.Imports;
import dev.encore.media.MediaTools;
import dev.encore.platform.spi.StatusSource;

/** The admin status page's view of imports: the tools they run and the import queue, cluster-wide. */
@Component
class IngestStatus implements StatusSource {

    private final MediaTools tools;
    private final Imports imports;

    IngestStatus(MediaTools tools, Imports imports) {
        this.tools = tools;
        this.imports = imports;
    }

    @Override
    public Map<String, String> toolVersions() {
        return tools.versions().versions();
    }

    @Override
    public Map<String, Queue> queues() {
        return Map.of("imports", new Queue(imports.countByStatus(ImportStatus.QUEUED),
                imports.countByStatus(ImportStatus.RUNNING)));
    }
}
