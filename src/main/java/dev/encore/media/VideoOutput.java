package dev.encore.media;

import java.util.List;

/**
 * Everything {@link VideoProcessor#process} made.
 *
 * @param renditions the HLS renditions, largest first, the audio-only one last
 * @param files      every file made, {@code master.m3u8} first; store them all or none
 */
public record VideoOutput(List<VideoRendition> renditions, List<OutputFile> files) {

    public VideoOutput {
        renditions = List.copyOf(renditions);
        files = List.copyOf(files);
    }
}
