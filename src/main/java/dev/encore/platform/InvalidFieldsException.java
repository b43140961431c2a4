package dev.encore.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Business rules on request fields that Bean Validation cannot check alone (a password that
 * contains the username, a sort property the endpoint does not offer): a 400
 * {@code validation-failed} problem with the same {@code errors} list as shape validation.
 */
public class InvalidFieldsException extends ErrorResponseException {

    private InvalidFieldsException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, Problems.validationFailed(errors), null);
    }

    /** One message for one field. */
    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
    }

    /** Messages for several fields, in the map's order ({@code urls[3]} → "must use http or https"). */
    public static InvalidFieldsException ofFields(java.util.SequencedMap<String, String> messages) {
        return new InvalidFieldsException(messages.entrySet().stream()
                .map(entry -> new FieldProblem(entry.getKey(), entry.getValue())).toList());
    }

    /** Several messages for one field. */
    public static InvalidFieldsException of(String field, List<String> messages) {
        return new InvalidFieldsException(messages.stream().map(message -> new FieldProblem(field, message))
                .toList());
    }
}
