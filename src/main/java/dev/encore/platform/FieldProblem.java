package dev.encore.platform;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One entry of a problem's {@code errors} list ({@code validation-failed}, {@code account-exists}):
 * the request field and what is wrong with it. A record, so the JSON always reads {@code field}
 * then {@code message}; the maps used before ({@code Map.of}) ordered the two differently from one
 * start of the JVM to the next. Serializable as those maps were: a problem's properties travel
 * inside exceptions, which are.
 *
 * @param field   the field or query parameter, as the client sent it ({@code urls[3]}, {@code size})
 * @param message what is wrong with it ({@code "must be 1 or more"})
 */
public record FieldProblem(String field, String message) implements Serializable {

    /** By field, then by message: the same bad request gets the same answer every time. */
    public static final Comparator<FieldProblem> ORDER = Comparator.comparing(FieldProblem::field)
            .thenComparing(FieldProblem::message);

    public FieldProblem {
        field = field == null ? "" : field;
        message = message == null ? "is invalid" : message;
    }
}
