package dev.encore.live.premiere;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.encore.library.VideoSummary;
import dev.encore.live.PlaybackState;

/**
 * A premiere as a client sees it, at {@code serverTime}.
 *
 * @param id          premiere id
 * @param videoId     the video it plays
 * @param ownerId     the video's owner
 * @param title       its title (the video's when none was given)
 * @param description its description, if any
 * @param state       {@code scheduled}, {@code live} or {@code ended}, at {@code serverTime}
 * @param startsAt    when it starts
 * @param endsAt      when it ends: the time given, or when the video ends
 * @param serverTime  the server's clock when this was made (for the countdown and the live position)
 * @param startsInMs  milliseconds from {@code serverTime} to the start, 0 once started
 * @param positionMs  where the video is at {@code serverTime} while live (at most its length); null otherwise
 * @param playback    the playback state while live (playing from 0 at {@code startsAt}, paused at the
 *                    end once the video is over); null otherwise
 * @param viewerCount viewers connected now
 * @param peakViewers the most viewers connected at once while it was live
 * @param createdAt   when it was scheduled
 * @param video       the video, with signed URLs for the caller
 */
record PremiereView(UUID id, UUID videoId, UUID ownerId, String title, String description, PremiereState state,
        Instant startsAt, Instant endsAt, Instant serverTime, long startsInMs, Long positionMs,
        PlaybackState playback, int viewerCount, int peakViewers, Instant createdAt, Video video) {

    /**
     * The video of a premiere.
     *
     * @param id           video id
     * @param title        its own title
     * @param durationMs   its length
     * @param hlsUrl       signed HLS master playlist URL for the caller
     * @param posterUrl    signed poster URL for the caller
     * @param urlsExpireAt when the signed URLs stop working (read the premiere again for new ones)
     */
    record Video(UUID id, String title, long durationMs, String hlsUrl, String posterUrl, Instant urlsExpireAt) {
    }

    static PremiereView of(Premiere premiere, VideoSummary video, int viewerCount, Instant now) {
        PremiereState state = premiere.stateAt(now);
        PlaybackState playback = state == PremiereState.LIVE ? playback(premiere, now) : null;
        return new PremiereView(premiere.id(), premiere.videoId(), premiere.ownerId(),
                premiere.title() != null ? premiere.title() : video.title(), premiere.description(), state,
                premiere.startsAt(), premiere.endAt(), now,
                Math.max(0, Duration.between(now, premiere.startsAt()).toMillis()),
                playback != null ? playback.positionAt(now) : null, playback, viewerCount, premiere.peakViewers(),
                premiere.createdAt(), new Video(video.id(), video.title(), video.durationMs(), video.hlsUrl(),
                        video.posterUrl(), video.urlsExpireAt()));
    }

    /** Playing from 0 at the start; once the video is over, paused at its end (the premiere may run on for chat). */
    static PlaybackState playback(Premiere premiere, Instant now) {
        Instant videoEnd = premiere.startsAt().plusMillis(premiere.durationMs());
        if (now.isBefore(videoEnd)) {
            return new PlaybackState(premiere.videoId(), "video", 0, premiere.startsAt(), true, 1.0);
        }
        return new PlaybackState(premiere.videoId(), "video", premiere.durationMs(), videoEnd, false, 1.0);
    }
}
