package dev.encore.media;

import java.nio.file.Path;

/**
 * One file made by video processing.
 *
 * @param name     its name relative to the video: lower-case segments {@code [a-z0-9][a-z0-9.-]*}
 *                 joined by {@code /}, at most two ({@code master.m3u8}, {@code 720p/seg-00001.m4s},
 *                 {@code storyboard/sprite-000.jpg})
 * @param path     where it is now (in the staging directory)
 * @param mimeType its media type
 */
public record OutputFile(String name, Path path, String mimeType) {
}
