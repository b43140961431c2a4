/**
 * Listening rooms: REST lifecycle (create, list, join by invite code, leave, hand over), the host's
 * STOMP commands (play, pause, seek, next, queue), members' suggestions, stream grants for members,
 * and the sweeps that let absent members leave and close empty rooms.
 */
package dev.encore.live.room;
