package dev.encore.live.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.live.LiveKind;
import dev.encore.live.LiveProperties;
import dev.encore.live.LivePresence;

/**
 * Every few seconds, on every node (each change locks its room, so nodes do not step on each other):
 * members absent longer than {@code encore.live.member-grace} leave (a host hands over), and rooms
 * nobody has been connected to for {@code encore.live.room-idle-timeout} close. It also notices
 * connections that went without an event (a node that stopped), through the presence table.
 */
@Component
class RoomSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoomSweeper.class);

    private final RoomStore store;
    private final RoomMembership membership;
    private final LivePresence presence;
    private final LiveProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private ScheduledExecutorService executor;

    RoomSweeper(RoomStore store, RoomMembership membership, LivePresence presence, LiveProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.membership = membership;
        this.presence = presence;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A quarter of the shorter of the two timeouts, between 1 and 15 seconds. */
    Duration period() {
        Duration shorter = properties.memberGrace().compareTo(properties.roomIdleTimeout()) < 0
                ? properties.memberGrace() : properties.roomIdleTimeout();
        Duration quarter = shorter.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : quarter.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : quarter;
    }

    void sweep() {
        Instant now = clock.instant();
        for (RoomMember member : store.members().thoughtPresent()) {
            if (!presence.isPresent(LiveKind.ROOM, member.roomId(), member.userId())) {
                safely(() -> transactions.executeWithoutResult(
                        status -> store.members().absent(member.roomId(), member.userId(), now)));
            }
        }
        for (RoomMember member : store.members().absentSince(now.minus(properties.memberGrace()))) {
            safely(() -> transactions.executeWithoutResult(status -> graceOver(member.roomId(), member.userId())));
        }
        for (UUID roomId : store.rooms().allIds()) {
            boolean empty = presence.count(LiveKind.ROOM, roomId) == 0;
            safely(() -> transactions.executeWithoutResult(status -> idle(roomId, empty, now)));
        }
    }

    private void graceOver(UUID roomId, UUID userId) {
        store.rooms().findLockedById(roomId).ifPresent(room -> store.members().findByRoomIdAndUserId(roomId, userId)
                .filter(RoomMember::active).ifPresent(member -> {
                    if (presence.isPresent(LiveKind.ROOM, roomId, userId)) {
                        store.members().present(roomId, userId);
                    }
                    else {
                        membership.leave(room, member);
                    }
                }));
    }

    private void idle(UUID roomId, boolean empty, Instant now) {
        if (!empty) {
            store.rooms().somebodyHere(roomId);
            return;
        }
        store.rooms().findById(roomId).ifPresent(room -> {
            if (room.emptySince() == null) {
                store.rooms().nobodyHere(roomId, now);
            }
            else if (idleTooLong(room, now)) {
                // read again under the lock: a member who connected meanwhile keeps the room open
                store.rooms().findLockedById(roomId).filter(locked -> idleTooLong(locked, now))
                        .ifPresent(locked -> membership.close(locked, "idle"));
            }
        });
    }

    private boolean idleTooLong(Room room, Instant now) {
        return room.emptySince() != null && room.emptySince().isBefore(now.minus(properties.roomIdleTimeout()));
    }

    private static void safely(Runnable step) {
        try {
            step.run();
        }
        catch (RuntimeException failed) {
            log.warn("A room sweep step failed; the next sweep tries again", failed);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("room-sweeper").daemon()
                .factory());
        long millis = period().toMillis();
        executor.scheduleWithFixedDelay(() -> safely(this::sweep), millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
