package dev.encore.media;

/**
 * The file has no real video stream: sound only, only a cover picture, or nothing ffprobe can read.
 */
public class NotAVideoException extends RuntimeException {

    public NotAVideoException(String message) {
        super(message);
    }

    /** ffprobe could not read the file. */
    public static NotAVideoException unreadable() {
        return new NotAVideoException("The file could not be read as a video");
    }

    /** The file carries sound (and maybe a cover picture) but no moving picture. */
    public static NotAVideoException noPicture() {
        return new NotAVideoException("The file has no video picture (sound or a still image only)");
    }
}
