package dev.encore.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Refuses a NUL character in any text of a request record (titles, names, tags, nested records
 * and lists of them): PostgreSQL stores no NUL in a text column, and a NUL that got that far
 * would fail the insert with a 500. Each such field becomes a field error of the one
 * {@code validation-failed} answer, next to Bean Validation's.
 */
final class NulCharacterRule implements Validator {

    static final String MESSAGE = "must not contain NUL characters";

    private static final int MAX_DEPTH = 4;

    @Override
    public boolean supports(Class<?> type) {
        return type.isRecord();
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (errors instanceof BindingResult result) {
            check(target, "", result, 0);
        }
    }

    private static void check(Object value, String path, BindingResult result, int depth) {
        switch (value) {
            case null -> {
            }
            case String text when text.indexOf('\0') >= 0 -> result.addError(new FieldError(result.getObjectName(),
                    path, "", false, new String[] { "NoNul" }, null, MESSAGE)); // never echo the value
            case Record record when depth < MAX_DEPTH -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    check(read(component, record), join(path, component.getName()), result, depth + 1);
                }
            }
            case Collection<?> items when depth < MAX_DEPTH -> {
                int index = 0;
                for (Object item : items) {
                    check(item, path + "[" + index++ + "]", result, depth + 1);
                }
            }
            case Map<?, ?> entries when depth < MAX_DEPTH -> entries.forEach((key, item) -> {
                check(key, path, result, depth + 1);
                check(item, path, result, depth + 1);
            });
            default -> {
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
