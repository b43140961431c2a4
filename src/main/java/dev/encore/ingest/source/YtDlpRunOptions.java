package dev.encore.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import dev.encore.ingest.config.IngestProperties;

/**
 * Adds the operator's cookies file and extra options to a yt-dlp command, right before the
 * {@code --} that precedes the URL. The cookies file is copied into the run's private directory
 * for every run: edits apply to the next run without a restart, and yt-dlp (which writes its
 * cookie jar back) never changes the operator's file.
 */
@Component
public class YtDlpRunOptions {

    private static final Logger log = LoggerFactory.getLogger(YtDlpRunOptions.class);

    private final IngestProperties properties;

    public YtDlpRunOptions(IngestProperties properties) {
        this.properties = properties;
    }

    public List<String> apply(List<String> command, Path workDir) {
        List<String> extra = new ArrayList<>(properties.extraOptions());
        Path cookies = properties.cookiesFile();
        if (cookies != null) {
            if (Files.isReadable(cookies)) {
                try {
                    Path copy = Files.copy(cookies, workDir.resolve("cookies.txt"), StandardCopyOption.REPLACE_EXISTING);
                    extra.addAll(List.of("--cookies", copy.toString()));
                }
                catch (IOException ex) {
                    log.warn("Cannot read encore.ingest.cookies-file {}: {}", cookies, ex.getMessage());
                }
            }
            else {
                log.warn("encore.ingest.cookies-file {} is not readable; running without cookies", cookies);
            }
        }
        if (extra.isEmpty()) {
            return command;
        }
        List<String> result = new ArrayList<>(command);
        result.addAll(command.lastIndexOf("--"), extra);
        return result;
    }
}
