package dev.encore.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.encore.platform.CappedCounts;

/**
 * Bounds what one STOMP client can make a node hold and do. Every subscription to a live session's
 * topic is tracked (presence, a snapshot, database rows), and frames queue on the inbound channel
 * faster than they are handled: 6 connections of one user sending 3,000 SUBSCRIBEs each ran a node
 * on a 256 MB heap out of memory, and kept it busy for minutes after they had gone. So:
 *
 * <ul>
 * <li>one user holds at most {@link #CONNECTIONS_PER_USER} connections on a node;
 * <li>a connection holds at most {@link #SUBSCRIPTIONS_PER_CONNECTION} subscriptions, one
 * destination once (a second SUBSCRIBE to it would only duplicate every message) and one subscription
 * id once (UNSUBSCRIBE names the id);
 * <li>a connection that was answered more than {@link #REFUSALS_PER_CONNECTION} refusals (whoever
 * refused: {@link InboundFrameGuard}, or a command's handler, counted by {@link CountedRefusals}), or
 * that passes its subscriptions, is closed;
 * <li>frames still queued for a connection that has ended are dropped unhandled ({@link #open}).
 * </ul>
 * Its record of a connection's subscriptions, kept in the order the client's frames were read, also
 * tells whether one is still held ({@link BrokerSubscriptions}).
 */
@Component
final class ConnectionLimits {

    static final int CONNECTIONS_PER_USER = 16;
    static final int SUBSCRIPTIONS_PER_CONNECTION = 64;
    static final int REFUSALS_PER_CONNECTION = 64;

    /** What a SUBSCRIBE may do. */
    enum Subscription {
        TAKEN, DUPLICATE, ID_TAKEN, TOO_MANY
    }

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final CappedCounts<String> perUser = new CappedCounts<>(CONNECTIONS_PER_USER);

    /** Registers a connection of {@code user}; false (nothing registered) when the user holds the cap. */
    boolean connect(String sessionId, String user) {
        if (!perUser.take(user)) {
            return false;
        }
        connections.put(sessionId, new Connection(user));
        return true;
    }

    /** Whether the connection is open here: false for frames queued behind its end. */
    boolean open(String sessionId) {
        return sessionId != null && connections.containsKey(sessionId);
    }

    Subscription subscribe(String sessionId, String subscriptionId, String destination) {
        Connection connection = connections.get(sessionId);
        if (connection == null) {
            return Subscription.TOO_MANY; // ended meanwhile
        }
        synchronized (connection) {
            if (connection.subscriptions.containsValue(destination)) {
                return Subscription.DUPLICATE;
            }
            if (connection.subscriptions.containsKey(subscriptionId == null ? "" : subscriptionId)) {
                return Subscription.ID_TAKEN; // UNSUBSCRIBE could no longer tell its subscriptions apart
            }
            if (connection.subscriptions.size() >= SUBSCRIPTIONS_PER_CONNECTION) {
                return Subscription.TOO_MANY;
            }
            connection.subscriptions.put(subscriptionId == null ? "" : subscriptionId, destination);
            return Subscription.TAKEN;
        }
    }

    /** Ends a subscription; returns its destination, or null when the connection held no such subscription. */
    String unsubscribe(String sessionId, String subscriptionId) {
        Connection connection = connections.get(sessionId);
        if (connection == null || subscriptionId == null) {
            return null;
        }
        synchronized (connection) {
            return connection.subscriptions.remove(subscriptionId);
        }
    }

    /** Whether the open connection holds subscription {@code subscriptionId} to {@code destination}. */
    boolean holds(String sessionId, String subscriptionId, String destination) {
        Connection connection = sessionId == null ? null : connections.get(sessionId);
        if (connection == null || subscriptionId == null) {
            return false;
        }
        synchronized (connection) {
            return destination.equals(connection.subscriptions.get(subscriptionId));
        }
    }

    /** Counts a refused frame; true when the connection has now been refused too often and is to be closed. */
    boolean refused(String sessionId) {
        Connection connection = connections.get(sessionId);
        if (connection == null) {
            return false;
        }
        synchronized (connection) {
            return ++connection.refusals > REFUSALS_PER_CONNECTION;
        }
    }

    /** The connection ended (or was closed): its frames still queued are dropped, its user's place given back. */
    void disconnected(String sessionId) {
        Connection connection = sessionId == null ? null : connections.remove(sessionId);
        if (connection != null) {
            perUser.giveBack(connection.user);
        }
    }

    /** Connections {@code user} holds here. */
    int connectionsOf(String user) {
        return perUser.of(user);
    }

    private static final class Connection {

        private final String user;
        /** Destinations by subscription id. */
        private final Map<String, String> subscriptions = new HashMap<>();
        private int refusals;

        private Connection(String user) {
            this.user = user;
        }
    }
}
