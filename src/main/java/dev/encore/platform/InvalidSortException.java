package dev.encore.platform;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A sort parameter naming a property the endpoint does not sort by; a 400 validation problem. */
public class InvalidSortException extends ErrorResponseException {

    private InvalidSortException(String property, Set<String> sortable) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "Validation failed", "The request has invalid fields."), null);
        getBody().setProperty("errors", java.util.List.of(Map.of("field", "sort",
                "message", "cannot sort by '" + property + "'; allowed: " + String.join(", ", new TreeSet<>(sortable)))));
    }

    public static InvalidSortException forProperty(String property, Set<String> sortable) {
        return new InvalidSortException(property, sortable);
    }
}
