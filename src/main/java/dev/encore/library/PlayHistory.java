package dev.encore.library;

import java.time.Clock;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.content.StreamableOriginals;
import dev.encore.library.play.NewPlays;
import dev.encore.library.play.Play;
import dev.encore.library.play.PlayView;
import dev.encore.library.play.Plays;
import dev.encore.library.track.Track;
import dev.encore.library.track.Tracks;
import dev.encore.platform.InvalidFieldsException;

/**
 * Plays of tracks: recorded by the stream (a request from the first byte), the time heard estimated
 * from the bytes sent where the stream counted them, and set by players that report it.
 */
@Service
public class PlayHistory {

    private final Plays plays;
    private final NewPlays newPlays;
    private final Tracks tracks;
    private final StreamableOriginals originals;
    private final Clock clock;

    PlayHistory(Plays plays, NewPlays newPlays, Tracks tracks, StreamableOriginals originals, Clock clock) {
        this.plays = plays;
        this.newPlays = newPlays;
        this.tracks = tracks;
        this.originals = originals;
        this.clock = clock;
    }

    /**
     * Records a play of a track the viewer may see, under the id the stream gave the player
     * (header Encore-Play-Id), with the time heard as far as the stream can tell.
     */
    public void record(Viewer viewer, UUID trackId, UUID playId, long msHeard) {
        // the streamed row and one INSERT (with its TrackPlayed) in a plain JDBC transaction: a play
        // starts with every first range a player asks for (a track deleted in between fails the INSERT
        // on its foreign key)
        originals.find(StreamableOriginals.Table.TRACKS, trackId)
                .filter(track -> viewer.maySee(track.ownerId(), track.visibility())).ifPresent(track -> {
                    Play play = new Play(playId, track.id(), viewer.userId(), clock.instant());
                    play.listened(msHeard, track.durationMs(), clock.instant());
                    newPlays.insert(play, track.ownerId(), track.title());
                });
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
        return PlayView.of(plays.save(play));
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
