package dev.encore.library;

import java.time.Clock;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.platform.InvalidFieldsException;

/**
 * Plays of tracks: started by the stream (a request from the first byte), the time heard estimated
 * from the bytes sent, and corrected by players that report their position.
 */
@Service
public class PlayHistory {

    private final Plays plays;
    private final Tracks tracks;
    private final Clock clock;

    PlayHistory(Plays plays, Tracks tracks, Clock clock) {
        this.plays = plays;
        this.tracks = tracks;
        this.clock = clock;
    }

    /** A new play of a track the viewer may see; its id goes back to the player. */
    @Transactional
    public UUID start(Viewer viewer, UUID trackId) {
        Track track = tracks.findById(trackId).filter(viewer::maySee)
                .orElseThrow(() -> LibraryProblems.notFound("track"));
        return plays.save(new Play(track.id(), viewer.userId(), clock.instant())).id();
    }

    /** What the stream sent of a play: {@code bytes} of {@code length}, as time. */
    @Transactional
    public void streamed(UUID playId, long bytes, long length) {
        plays.findById(playId).ifPresent(play -> tracks.findById(play.trackId()).ifPresent(track -> play.listened(
                length <= 0 ? 0 : Math.round((double) bytes / length * track.durationMs()), track.durationMs(),
                clock.instant())));
    }

    /** A player reports how much of its play was heard. */
    @Transactional
    public PlayView report(Viewer viewer, UUID playId, Long msListened) {
        if (msListened == null || msListened < 0) {
            throw InvalidFieldsException.of("msListened", "must be 0 or more");
        }
        Play play = plays.findById(playId).filter(found -> found.userId().equals(viewer.userId()))
                .orElseThrow(() -> LibraryProblems.notFound("play"));
        long duration = tracks.findById(play.trackId()).map(Track::durationMs).orElse(0L);
        play.listened(msListened, duration, clock.instant());
        return PlayView.of(play);
    }

    /** A deleted account's listening history goes with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        plays.deleteByUser(deleted.userId());
    }

    @Transactional(readOnly = true)
    public Page<PlayView> mine(Viewer viewer, Pageable pageable) {
        return plays.findByUserId(viewer.userId(), pageable).map(PlayView::of);
    }
}
