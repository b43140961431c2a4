package dev.encore.library.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.Tika;

/** A file's type from its first bytes only (Apache Tika): no name is given, so none can lie. */
public final class ContentTypes {

    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    public static String detect(Path file) throws IOException {
        String detected;
        try (InputStream in = Files.newInputStream(file)) {
            detected = TIKA.detect(in);
        }
        return QUICKTIME.equals(detected) ? isoBrand(file) : detected;
    }

    /** The type of what {@code in} holds; it must support mark and reset (it is reset to where it was). */
    public static String detect(InputStream in) throws IOException {
        return TIKA.detect(in);
    }

    private static final String QUICKTIME = "video/quicktime";

    /**
     * Tika's magic calls every ISO base media file QuickTime; the major brand of the {@code ftyp}
     * box tells them apart, and browsers play {@code video/mp4} where they refuse QuickTime.
     */
    private static String isoBrand(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                return QUICKTIME;
            }
        }
        String box = new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!box.equals("ftyp") || brand.equals("qt  ")) {
            return QUICKTIME;
        }
        return brand.startsWith("M4A") ? "audio/mp4" : "video/mp4";
    }
}
