package dev.encore.live.session;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentTypeMismatchException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.encore.live.LiveCommandException;

/**
 * Turns a failed STOMP command into a message on the sender's {@code /user/queue/errors} (that
 * connection only): {@code {"type", "title", "detail", "destination", "receipt"}}. The connection
 * stays open. Unexpected failures are logged here and reported as {@code live-error} without details.
 */
@ControllerAdvice
class LiveErrors {

    private static final Logger log = LoggerFactory.getLogger(LiveErrors.class);

    @MessageExceptionHandler(LiveCommandException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> refused(LiveCommandException ex, SimpMessageHeaderAccessor headers) {
        return error(ex.type(), ex.title(), ex.detail(), headers);
    }

    @MessageExceptionHandler({ MessageConversionException.class, MethodArgumentNotValidException.class,
            MethodArgumentTypeMismatchException.class })
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> malformed(Exception ex, SimpMessageHeaderAccessor headers) {
        return error("live-bad-payload", "Bad payload", "The payload is not the JSON this destination takes.", headers);
    }

    /**
     * A destination variable that does not convert, such as {@code not-a-uuid} where a session id goes: the
     * destination names no session, so it is the client's mistake, answered like any unknown destination.
     * Only destination variables pass through the conversion service here; payloads go through message
     * converters, whose failures are {@link MessageConversionException}.
     */
    @MessageExceptionHandler(ConversionFailedException.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> unknownDestination(ConversionFailedException ex, SimpMessageHeaderAccessor headers) {
        LiveCommandException unknown = LiveCommandException.unknownDestination();
        return error(unknown.type(), unknown.title(), unknown.detail(), headers);
    }

    @MessageExceptionHandler(Exception.class)
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> failed(Exception ex, SimpMessageHeaderAccessor headers) {
        log.error("A STOMP command to {} failed", headers.getDestination(), ex);
        return error("live-error", "Command failed", "The command could not be carried out; try again.", headers);
    }

    static Map<String, Object> error(String type, String title, String detail, SimpMessageHeaderAccessor headers) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("title", title);
        error.put("detail", detail);
        error.put("destination", headers.getDestination());
        error.put("receipt", headers.getFirstNativeHeader(StompHeaderAccessor.STOMP_RECEIPT_HEADER));
        return error;
    }
}
