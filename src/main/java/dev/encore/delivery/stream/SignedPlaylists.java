package dev.encore.delivery.stream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageUnavailableException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * Playlists handed to clients that authenticate with a token: the stored master, whose URIs are
 * relative, with every URI made absolute under a signed stream URL, so that a player that then
 * fetches variants and segments sends no token at all.
 */
@Component
class SignedPlaylists {

    /** A master playlist is a few lines per rendition; anything larger is not one of ours. */
    static final long MAX_BYTES = 256 * 1024;

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

    private final BlobStore blobs;

    SignedPlaylists(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * The stored playlist's text (UTF-8).
     *
     * @throws DeliverableCatalog.NotFound when its blob is gone (404)
     */
    String read(DeliverableFile playlist) {
        if (playlist.size() > MAX_BYTES) {
            throw new IllegalStateException("Playlist " + playlist.id() + " is " + playlist.size() + " bytes");
        }
        try (InputStream in = blobs.read(playlist.sha256(), 0, playlist.size())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException gone) {
            throw new DeliverableCatalog.NotFound();
        }
        catch (IOException unanswered) {
            throw new StorageUnavailableException(unanswered);
        }
    }

    /**
     * The playlist with every URI line and every {@code URI="…"} attribute resolved against
     * {@code base} (RFC 3986), line endings and everything else kept.
     *
     * @param base the absolute URL the playlist's relative URIs are relative to, ending in {@code /}
     */
    static String absolute(String playlist, URI base) {
        StringBuilder out = new StringBuilder(playlist.length() * 2);
        for (String line : playlist.split("(?<=\n)")) {
            String body = line.stripTrailing();
            String ending = line.substring(body.length());
            if (body.isBlank()) {
                out.append(line);
            }
            else if (body.startsWith("#")) {
                Matcher uri = URI_ATTRIBUTE.matcher(body);
                out.append(uri.replaceAll(match -> Matcher.quoteReplacement(
                        "URI=\"" + resolve(base, match.group(1)) + "\""))).append(ending);
            }
            else {
                out.append(resolve(base, body.strip())).append(ending);
            }
        }
        return out.toString();
    }

    private static String resolve(URI base, String reference) {
        return base.resolve(URI.create(reference)).toString();
    }
}
