package dev.encore.delivery.rendition;

/**
 * Which rendition: a source blob in a format at a bitrate.
 *
 * @param sourceSha256 the original's blob
 * @param format       the format
 * @param bitrate      kbit/s, one of {@link RenditionFormat#BITRATES}
 */
public record RenditionKey(String sourceSha256, RenditionFormat format, int bitrate) {

    /** The row's id, e.g. {@code <sha256>-opus-96}. */
    String value() {
        return sourceSha256 + "-" + format.value() + "-" + bitrate;
    }
}
