package dev.encore.live.session;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import dev.encore.account.UserDeleted;
import dev.encore.live.LiveJoined;
import dev.encore.live.LiveLeft;
import dev.encore.live.session.PresenceTable.Attendance;
import dev.encore.platform.TopicSubscribed;
import dev.encore.platform.TopicSubscriptions;
import dev.encore.platform.TopicUnsubscribed;

/**
 * Follows this node's STOMP subscriptions to session topics into {@code live_presence}. A
 * subscription (let through by the topic guard and registered by the broker) writes a row, sends the joiner its snapshot
 * and, for the user's first connection, publishes {@link LiveJoined}; an unsubscribe or disconnect
 * deletes rows and, for the user's last connection, publishes {@link LiveLeft}. The events are
 * published inside the transaction that changed the rows, so module listeners hear them after commit.
 * <p>
 * A subscription is heard once the broker has handled it, on the inbound channel's threads, while the
 * connection's end is heard as soon as the socket closes, and an UNSUBSCRIBE as soon as it is read,
 * even with frames still queued: a SUBSCRIBE just before either can be heard after it. So the
 * connections are followed from their CONNECT to their end, and a row inserted for a connection that
 * has ended, or for a subscription it no longer holds ({@link TopicSubscriptions#holds}), is taken
 * back: what is gone never stays present (the heartbeat would keep its row for as long as the node
 * runs).
 */
@Component
class PresenceTracker {

    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);
    private static final int LOCK_STRIPES = 64;

    private final PresenceTable table;
    private final LiveAccess access;
    private final TopicSubscriptions subscriptions;
    private final PresenceNode node;
    private final SessionMessages messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    /** This node's STOMP sessions, from their CONNECT to their end. */
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    PresenceTracker(PresenceTable table, LiveAccess access, TopicSubscriptions subscriptions, PresenceNode node,
            SessionMessages messages, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.table = table;
        this.access = access;
        this.subscriptions = subscriptions;
        this.node = node;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @EventListener
    void subscribed(TopicSubscribed event) {
        SessionTopic.parse(event.topic()).ifPresent(topic -> {
            if (event.stompSession() == null || event.subscriptionId() == null || !open.contains(event.stompSession())) {
                return;
            }
            UUID userId = event.userId();
            Attendance who = new Attendance(topic.kind(), topic.id(), userId);
            String username = access.username(userId);
            Instant now = clock.instant();
            locked(who, () -> transactions.executeWithoutResult(tx -> {
                boolean first = !table.isPresent(who.kind(), who.sessionId(), userId);
                // the row of an earlier subscription with this id, whose UNSUBSCRIBE was heard before it
                table.delete(node.id(), event.stompSession(), event.subscriptionId());
                table.insert(node.id(), event.stompSession(), event.subscriptionId(), who, username, now);
                if (first) {
                    events.publishEvent(new LiveJoined(who.kind(), who.sessionId(), userId));
                }
            }));
            // the connection or the subscription ended meanwhile, and its end found no row to delete
            if (!open.contains(event.stompSession())
                    || !subscriptions.holds(event.stompSession(), event.subscriptionId(), event.topic())) {
                leave(event.stompSession(), event.subscriptionId(), topic);
                return;
            }
            messages.snapshot(userId.toString(), event.stompSession(), topic);
            messages.presenceChanged(topic);
        });
    }

    @EventListener
    void connecting(SessionConnectEvent event) {
        String session = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (session != null) {
            open.add(session);
        }
    }

    /** First the subscription is no longer held, then this: a row inserted after it takes itself back. */
    @EventListener
    void unsubscribed(TopicUnsubscribed event) {
        SessionTopic.parse(event.topic())
                .ifPresent(topic -> leave(event.stompSession(), event.subscriptionId(), topic));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        open.remove(event.getSessionId()); // first: a subscription inserted after this takes itself back
        leave(event.getSessionId(), null);
    }

    /** A deleted account's connections leave every session (they are closed as its tokens die). */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        table.deleteUser(deleted.userId());
    }

    /** Removes rows nobody refreshed for three heartbeats (a node that died) and tells who left. */
    void sweep(Instant before) {
        Set<Attendance> gone = new LinkedHashSet<>();
        transactions.executeWithoutResult(tx -> {
            List<Attendance> stale = table.stale(before);
            if (stale.isEmpty()) {
                return;
            }
            int removed = table.deleteStale(before);
            log.info("Swept {} live connections of nodes that stopped refreshing them", removed);
            gone.addAll(departures(stale));
        });
        gone.forEach(who -> messages.presenceChanged(new SessionTopic(who.kind(), who.sessionId())));
    }

    /**
     * Ends this node's subscriptions whose user may no longer join their session: a member who left
     * or was removed, a premiere or presentation made private, a presentation that ended. Access is
     * checked at SUBSCRIBE; this keeps it true afterwards, every {@code encore.live.access-recheck}.
     * The broker drops the subscription, the user's presence there ends (so counts, lists and a room's
     * idle close see them gone), and that connection gets {@code live-access-ended} on
     * {@code /user/queue/errors}; the connection itself stays open.
     */
    void recheck() {
        Map<Attendance, List<PresenceTable.Held>> byWho = table.held(node.id()).stream()
                .collect(Collectors.groupingBy(PresenceTable.Held::who, LinkedHashMap::new, Collectors.toList()));
        int ended = 0;
        for (Map.Entry<Attendance, List<PresenceTable.Held>> entry : byWho.entrySet()) {
            Attendance who = entry.getKey();
            if (access.mayJoin(who.kind(), who.sessionId(), who.userId())) {
                continue;
            }
            SessionTopic topic = new SessionTopic(who.kind(), who.sessionId());
            for (PresenceTable.Held held : entry.getValue()) {
                subscriptions.end(held.stompSession(), held.subscription());
                messages.accessEnded(who.userId().toString(), held.stompSession(), topic);
                leave(held.stompSession(), held.subscription());
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} live subscriptions whose user may no longer join the session", ended);
        }
    }

    private void leave(String stompSession, String subscription) {
        leave(stompSession, subscription, null);
    }

    /** Deletes the connection's rows (of one subscription, to one topic, when given) and tells who left. */
    private void leave(String stompSession, String subscription, SessionTopic only) {
        Set<SessionTopic> changed = new LinkedHashSet<>();
        for (PresenceTable.Row row : table.find(node.id(), stompSession, subscription)) {
            Attendance who = row.who();
            if (only != null && !only.equals(new SessionTopic(who.kind(), who.sessionId()))) {
                continue; // the id reused for another topic since
            }
            locked(who, () -> transactions.executeWithoutResult(tx -> {
                if (table.delete(node.id(), stompSession, row.subscription()) > 0) {
                    departures(List.of(who));
                    changed.add(new SessionTopic(who.kind(), who.sessionId()));
                }
            }));
        }
        changed.forEach(messages::presenceChanged);
    }

    /**
     * Runs {@code change} holding this node's lock for the user's attendance, so that two of their
     * connections coming or going at once do not both count as the first or the last.
     */
    private void locked(Attendance who, Runnable change) {
        ReentrantLock lock = locks[Math.floorMod(who.hashCode(), locks.length)];
        lock.lock();
        try {
            change.run();
        }
        finally {
            lock.unlock();
        }
    }

    /** Publishes {@link LiveLeft} for each of {@code rows} whose user has no connection left; returns those. */
    private List<Attendance> departures(List<Attendance> rows) {
        List<Attendance> left = rows.stream().distinct()
                .filter(row -> !table.isPresent(row.kind(), row.sessionId(), row.userId())).toList();
        left.forEach(row -> events.publishEvent(new LiveLeft(row.kind(), row.sessionId(), row.userId())));
        return left;
    }
}
