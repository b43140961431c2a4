package dev.encore.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.Tika;

/** A file's type from its first bytes only (Apache Tika): no name is given, so none can lie. */
final class ContentTypes {

    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TIKA.detect(in);
        }
    }
}
