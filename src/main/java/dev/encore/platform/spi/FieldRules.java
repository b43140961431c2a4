package dev.encore.platform.spi;

import org.springframework.validation.Validator;

/**
 * Rules on a request body's fields that Bean Validation's annotations cannot express (a password
 * policy, a year no later than this one). An implementation is a bean that {@link #supports} its
 * request type; it runs together with Bean Validation whenever a controller binds
 * {@code @Valid @RequestBody} of that type, so one 400 {@code validation-failed} answer lists every
 * invalid field at once. Reject with {@code errors.rejectValue(field, code, message)}: the message
 * is what the client sees. Rules must accept any shape Bean Validation may refuse (nulls included).
 */
public interface FieldRules extends Validator {
}
