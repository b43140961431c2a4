package dev.encore.live.premiere;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.ContentChanged;
import dev.encore.library.VideoLibrary;
import dev.encore.library.VideoSummary;
import dev.encore.library.Viewer;
import dev.encore.platform.InvalidFieldsException;

/**
 * Premieres: scheduled by a video's owner, changed or cancelled by them (or an admin) while still
 * ahead, seen by whoever may see the video, listed when the video is listed to the caller.
 */
@Service
class PremierePlanner {

    private static final EnumSet<PremiereState> NOT_ENDED = EnumSet.of(PremiereState.SCHEDULED, PremiereState.LIVE);

    private final Premieres premieres;
    private final VideoLibrary videos;
    private final PremiereSchedule schedule;
    private final PremiereViews views;
    private final Clock clock;

    PremierePlanner(Premieres premieres, VideoLibrary videos, PremiereSchedule schedule, PremiereViews views,
            Clock clock) {
        this.premieres = premieres;
        this.videos = videos;
        this.schedule = schedule;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Schedules a premiere of one of the viewer's ready videos.
     *
     * @throws org.springframework.web.ErrorResponseException 400 bad times, 404 video not visible, 403 not the
     *         owner, 409 {@code video-not-ready}, 409 {@code conflict} when the video has a premiere ahead already
     */
    @Transactional
    public PremiereView create(Viewer viewer, PremiereRequest request) {
        if (request.videoId() == null) {
            throw InvalidFieldsException.of("videoId", "must name a video");
        }
        Instant now = clock.instant();
        // the request's own faults first (400), before what depends on the video or its premieres (404, 409)
        checkedStart(request.startsAt(), now);
        VideoSummary video = videos.summary(viewer, request.videoId()).orElseThrow(PremiereProblems::videoNotFound);
        if (!video.ownerId().equals(viewer.userId())) {
            throw PremiereProblems.notYours("schedule its premiere");
        }
        if (!video.ready()) {
            throw PremiereProblems.videoNotReady();
        }
        if (premieres.existsByVideoIdAndStateIn(video.id(), NOT_ENDED)) {
            throw PremiereProblems.conflict("This video has a premiere ahead already; change or cancel that one.");
        }
        Premiere premiere = new Premiere(video.id(), viewer.userId(), video.durationMs(),
                checked(request.startsAt(), request.endsAt(), video.durationMs(), now), now);
        premiere.describe(request.title(), request.description(), now);
        Premiere saved = premieres.save(premiere);
        schedule.schedule(saved);
        return views.of(saved, video);
    }

    /** A premiere of a video the viewer may see (404 otherwise). */
    @Transactional(readOnly = true)
    public PremiereView get(Viewer viewer, UUID id) {
        return views.of(viewer, find(id));
    }

    /** Upcoming and live premieres of videos listed to the viewer (their own, public ones; admins all), soonest first. */
    @Transactional(readOnly = true)
    public Page<PremiereView> upcoming(Viewer viewer, Pageable pageable) {
        Instant now = clock.instant();
        List<Premiere> ahead = premieres.findByStateInOrderByStartsAtAsc(NOT_ENDED).stream()
                .filter(premiere -> premiere.stateAt(now) != PremiereState.ENDED).toList();
        Map<UUID, VideoSummary> listed = videos.listable(viewer, ahead.stream().map(Premiere::videoId).toList());
        List<Premiere> shown = ahead.stream().filter(premiere -> listed.containsKey(premiere.videoId())).toList();
        int from = (int) Math.min(pageable.getOffset(), shown.size());
        int to = Math.min(from + pageable.getPageSize(), shown.size());
        List<PremiereView> page = shown.subList(from, to).stream()
                .map(premiere -> views.of(premiere, listed.get(premiere.videoId()))).toList();
        return new PageImpl<>(page, pageable, shown.size());
    }

    /** The viewer's own premieres, all states (one whose video was just deleted is left out). */
    @Transactional(readOnly = true)
    public Page<PremiereView> mine(Viewer viewer, Pageable pageable) {
        Page<Premiere> page = premieres.findByOwnerId(viewer.userId(), pageable);
        List<PremiereView> shown = page.stream().flatMap(premiere -> videos.summary(viewer, premiere.videoId())
                .map(video -> views.of(premiere, video)).stream()).toList();
        return new PageImpl<>(shown, pageable, page.getTotalElements());
    }

    /**
     * Changes a premiere that has not started (owner). Fields left out (or null) stay; a step whose time
     * moved gets a job at its new time, one that did not keeps its job.
     *
     * @throws org.springframework.web.ErrorResponseException 403 not the owner, 409 {@code conflict} once started
     */
    @Transactional
    public PremiereView update(Viewer viewer, UUID id, PremiereRequest request) {
        Premiere premiere = editable(viewer, id, false);
        if (request.videoId() != null && !request.videoId().equals(premiere.videoId())) {
            throw InvalidFieldsException.of("videoId", "cannot be changed; cancel the premiere and schedule another");
        }
        Instant now = clock.instant();
        if (premiere.stateAt(now) != PremiereState.SCHEDULED) {
            throw PremiereProblems.conflict("The premiere has started; it can no longer be changed.");
        }
        Instant oldStart = premiere.startsAt();
        Instant oldEnd = premiere.endAt();
        Instant startsAt = request.startsAt() != null ? request.startsAt() : premiere.startsAt();
        Instant endsAt = request.endsAt() != null ? request.endsAt() : premiere.endsAt();
        premiere.reschedule(checked(startsAt, endsAt, premiere.durationMs(), now), now);
        premiere.describe(request.title() != null ? request.title() : premiere.title(),
                request.description() != null ? request.description() : premiere.description(), now);
        Premiere saved = premieres.save(premiere);
        schedule.rescheduled(saved, oldStart, oldEnd);
        return views.of(viewer, saved);
    }

    /**
     * Cancels (deletes) a premiere: its jobs go and its viewers get a {@code state} message {@code cancelled}.
     *
     * @throws org.springframework.web.ErrorResponseException 403 neither the owner nor an admin
     */
    @Transactional
    public void cancel(Viewer viewer, UUID id) {
        Premiere premiere = editable(viewer, id, true);
        premieres.delete(premiere);
        schedule.cancelled(premiere);
    }

    /** A deleted video's premieres go with it (cancelled); other content changes leave them as they are. */
    @ApplicationModuleListener
    void on(ContentChanged changed) {
        for (Premiere premiere : premieres.findByVideoId(changed.id())) {
            if (videos.summary(new Viewer(premiere.ownerId(), false), premiere.videoId()).isEmpty()) {
                premieres.delete(premiere);
                schedule.cancelled(premiere);
            }
        }
    }

    /** A deleted account's premieres go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        for (Premiere premiere : premieres.findByOwnerId(deleted.userId())) {
            premieres.delete(premiere);
            schedule.cancelled(premiere);
        }
    }

    private Premiere find(UUID id) {
        return premieres.findById(id).orElseThrow(PremiereProblems::notFound);
    }

    private Premiere editable(Viewer viewer, UUID id, boolean admins) {
        Premiere premiere = find(id);
        views.video(viewer, premiere); // 404 unless the caller may see it
        if (!premiere.ownerId().equals(viewer.userId()) && !(admins && viewer.admin())) {
            throw PremiereProblems.notYours("change or cancel a premiere");
        }
        return premiere;
    }

    /**
     * Times that follow the rules: start ahead within a year, end not before the video is over nor more
     * than a day after it.
     */
    static PremiereTimes checked(Instant startsAt, Instant endsAt, long durationMs, Instant now) {
        checkedStart(startsAt, now);
        Instant videoEnds = startsAt.plusMillis(durationMs);
        if (endsAt != null && endsAt.isBefore(videoEnds)) {
            throw InvalidFieldsException.of("endsAt", "must not be before startsAt plus the video's length ("
                    + durationMs + " ms)");
        }
        if (endsAt != null && endsAt.isAfter(videoEnds.plus(PremiereTimes.LONGEST_AFTERWARDS))) {
            throw InvalidFieldsException.of("endsAt", "must be at most " + PremiereTimes.LONGEST_AFTERWARDS.toHours()
                    + " hours after startsAt plus the video's length");
        }
        return new PremiereTimes(startsAt, endsAt);
    }

    /** A start given, in the future and within the horizon (what needs no video to check). */
    private static void checkedStart(Instant startsAt, Instant now) {
        if (startsAt == null) {
            throw InvalidFieldsException.of("startsAt", "is required");
        }
        if (!startsAt.isAfter(now)) {
            throw InvalidFieldsException.of("startsAt", "must be in the future");
        }
        if (startsAt.isAfter(now.plus(PremiereTimes.HORIZON))) {
            throw InvalidFieldsException.of("startsAt", "must be within a year from now");
        }
    }
}
