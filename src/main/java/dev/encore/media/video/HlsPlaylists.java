package dev.encore.media.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.encore.media.VideoRendition;

/**
 * Finishes what ffmpeg's HLS muxer wrote: gives every rendition's init segment its plain name
 * ({@code init.mp4}), measures each rendition's bit rates from its segments, reads the real H.264
 * profile and level from its init segment, and writes {@code master.m3u8}.
 */
public final class HlsPlaylists {

    public static final String MASTER = "master.m3u8";
    public static final String INDEX = "index.m3u8";
    public static final String INIT = "init.mp4";
    static final String AAC_LC = "mp4a.40.2";
    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"/]+)\"");

    private HlsPlaylists() {
    }

    /**
     * One segment of a variant playlist.
     *
     * @param uri     its file name, relative to the playlist
     * @param seconds its duration
     * @param bytes   its size
     */
    record Segment(String uri, double seconds, long bytes) {
    }

    /**
     * Renames the init segment the muxer named ({@code init_<name>.mp4}, or {@code init_%v.mp4}
     * when there is one rendition) to {@code init.mp4} and points the playlist at it.
     */
    public static void renameInit(Path renditionDir) throws IOException {
        Path index = renditionDir.resolve(INDEX);
        String playlist = Files.readString(index, StandardCharsets.UTF_8);
        Matcher map = MAP.matcher(playlist);
        if (!map.find()) {
            throw new IOException("no EXT-X-MAP in " + index);
        }
        String muxed = map.group(1);
        if (!muxed.equals(INIT)) {
            Files.move(renditionDir.resolve(muxed), renditionDir.resolve(INIT));
            Files.writeString(index, map.replaceFirst(Matcher.quoteReplacement("#EXT-X-MAP:URI=\"" + INIT + "\"")),
                    StandardCharsets.UTF_8);
        }
    }

    /** The rendition as the master playlist announces it, measured from its files. */
    public static VideoRendition measure(Path renditionDir, Ladder.Step step, double frameRate, boolean audio,
            double targetSeconds) throws IOException {
        List<Segment> segments = segments(renditionDir);
        long average = averageBandwidth(segments);
        long peak = Math.max(average, peakBandwidth(segments, targetSeconds));
        if (step == null) {
            return new VideoRendition(VideoCommand.AUDIO, 0, 0, peak, average, AAC_LC, 0);
        }
        String codecs = avc1(Files.readAllBytes(renditionDir.resolve(INIT))) + (audio ? "," + AAC_LC : "");
        return new VideoRendition(step.name(), step.width(), step.height(), peak, average, codecs, frameRate);
    }

    /** The segments listed in a rendition's {@code index.m3u8}, with their sizes. */
    static List<Segment> segments(Path renditionDir) throws IOException {
        List<Segment> segments = new ArrayList<>();
        double seconds = -1;
        for (String line : Files.readAllLines(renditionDir.resolve(INDEX), StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.startsWith("#EXTINF:")) {
                String value = line.substring("#EXTINF:".length());
                int comma = value.indexOf(',');
                seconds = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            }
            else if (!line.isEmpty() && !line.startsWith("#") && seconds >= 0) {
                segments.add(new Segment(line, seconds, Files.size(renditionDir.resolve(line))));
                seconds = -1;
            }
        }
        return segments;
    }

    /** Bits per second over the whole rendition. */
    static long averageBandwidth(List<Segment> segments) {
        double seconds = segments.stream().mapToDouble(Segment::seconds).sum();
        long bytes = segments.stream().mapToLong(Segment::bytes).sum();
        return seconds <= 0 ? 0 : Math.round(bytes * 8 / seconds);
    }

    /**
     * The peak segment bit rate as RFC 8216 defines it: the highest bit rate of any run of
     * consecutive segments lasting between half and one and a half target durations (a whole
     * shorter video counts as one run), so a tiny last segment does not inflate it.
     */
    static long peakBandwidth(List<Segment> segments, double targetSeconds) {
        long peak = 0;
        for (int first = 0; first < segments.size(); first++) {
            double seconds = 0;
            long bytes = 0;
            for (int last = first; last < segments.size(); last++) {
                seconds += segments.get(last).seconds();
                bytes += segments.get(last).bytes();
                if (seconds > 1.5 * targetSeconds) {
                    break;
                }
                if (seconds >= 0.5 * targetSeconds) {
                    peak = Math.max(peak, Math.round(bytes * 8 / seconds));
                }
            }
        }
        return peak > 0 ? peak : averageBandwidth(segments);
    }

    /**
     * The RFC 6381 name of the H.264 stream in an init segment, {@code avc1.PPCCLL}: profile,
     * constraint flags and level straight from its {@code avcC} box.
     */
    static String avc1(byte[] init) {
        byte[] box = "avcC".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int at = 0; at + box.length + 4 <= init.length; at++) {
            for (int i = 0; i < box.length; i++) {
                if (init[at + i] != box[i]) {
                    continue outer;
                }
            }
            // configurationVersion, AVCProfileIndication, profile_compatibility, AVCLevelIndication
            return "avc1." + HexFormat.of().formatHex(init, at + 5, at + 8).toLowerCase(Locale.ROOT);
        }
        throw new IllegalStateException("no avcC box in the init segment");
    }

    /** The master playlist: every video rendition, then the audio-only one; URIs relative. */
    public static String master(List<VideoRendition> renditions) {
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (VideoRendition rendition : renditions) {
            master.append("\n#EXT-X-STREAM-INF:BANDWIDTH=").append(rendition.bandwidth())
                    .append(",AVERAGE-BANDWIDTH=").append(rendition.averageBandwidth());
            if (!rendition.audioOnly()) {
                master.append(",RESOLUTION=").append(rendition.width()).append('x').append(rendition.height());
            }
            master.append(",CODECS=\"").append(rendition.codecs()).append('"');
            if (!rendition.audioOnly()) {
                master.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", rendition.frameRate()));
            }
            master.append('\n').append(rendition.name()).append('/').append(INDEX).append('\n');
        }
        return master.toString();
    }
}
