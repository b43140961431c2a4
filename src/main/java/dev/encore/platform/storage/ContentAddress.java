package dev.encore.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Blobs' names: the SHA-256 of their bytes as 64 lower-case hex digits. */
final class ContentAddress {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ContentAddress() {
    }

    /** {@code sha256} itself; refuses anything that is not a content address (a bug in the caller). */
    static String checked(String sha256) {
        if (!isValid(sha256)) {
            throw new IllegalArgumentException("not a content address (64 lower-case hex digits)");
        }
        return sha256;
    }

    static boolean isValid(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /** The content address of a file's bytes, read as a stream. */
    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The content address of the rest of {@code in} (not closed). */
    static String of(InputStream in) throws IOException {
        MessageDigest digest = digest();
        new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex); // every JDK has SHA-256
        }
    }
}
