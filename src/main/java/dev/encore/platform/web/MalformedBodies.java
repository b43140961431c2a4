package dev.encore.platform.web;

import java.util.Optional;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.ValueInstantiationException;

import dev.encore.platform.FieldProblem;

/**
 * Which field of a JSON body Jackson could not bind, so that {@code malformed-request} can name it
 * ({@code "isPublic": 1}, {@code "items[2].position": "3"}) the way {@code validation-failed} names
 * its fields. Only Jackson's own path is used: its message quotes the value and the Java type, which
 * are not for clients.
 */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static Optional<FieldProblem> field(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof DatabindException bad) || bad instanceof InvalidDefinitionException
                || bad.getPath().isEmpty()) {
            return Optional.empty(); // not JSON at all, a property named twice: nothing to name
        }
        // a value of the right JSON type that is not one of the allowed ones ("visibility": "secret")
        boolean invalid = bad instanceof InvalidFormatException || bad instanceof ValueInstantiationException;
        return Optional.of(new FieldProblem(path(bad), invalid ? "has an invalid value" : "has the wrong JSON type"));
    }

    /** {@code items[2].position}: properties joined by dots, array indexes in brackets. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
