package dev.encore.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.platform.FieldProblem;
import dev.encore.platform.Problems;

/**
 * Refuses requests whose shape the container or Spring MVC would otherwise fail on with a 500,
 * before anything reads them: a {@code Content-Type} with a wildcard ({@code *}{@code /*},
 * {@code application/*}: 415), a query string with a broken percent-escape ({@code ?artist=%ZZ}:
 * 400) and a query parameter holding a NUL character, which no text column stores (400 naming the
 * parameter). Runs right after the request id, so these answers carry one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MalformedRequestFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MalformedRequestFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail problem = wildcardContentType(request.getContentType());
        if (problem == null) {
            problem = malformedQuery(request.getQueryString());
        }
        if (problem != null) {
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static ProblemDetail wildcardContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                return null;
            }
        }
        catch (InvalidMediaTypeException ex) {
            return null; // Spring MVC answers an unreadable Content-Type with 415 itself
        }
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Content-Type names a range of media types; send the type of the body, e.g. application/json.");
    }

    /** A problem for the first malformed parameter of {@code query}, or null when all are well formed. */
    static ProblemDetail malformedQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name == null || value == null) {
                return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "The query string is malformed: % must be followed by two hex digits, and escapes must encode UTF-8.");
            }
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return Problems.validationFailed(List.of(new FieldProblem(
                        name.replaceAll("[^A-Za-z0-9._\\[\\]-]", ""), NulCharacterRule.MESSAGE)));
            }
        }
        return null;
    }

    /** {@code text} with its percent-escapes decoded as UTF-8, or null when an escape or its UTF-8 is broken. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }
}
