package dev.encore.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built condition by condition for a query whose filters come with the request,
 * with its named parameters: values are always bound, never put into the SQL. A condition whose
 * value is null is left out (no untyped null parameters, which PostgreSQL refuses).
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds a condition that needs no parameter, or whose parameters are added with {@link #param}. */
    public SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds {@code condition}, which names {@code :name}, when {@code value} is not null. */
    public SqlWhere and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            param(name, value);
        }
        return this;
    }

    public SqlWhere param(String name, Object value) {
        params.put(name, bindable(value));
        return this;
    }

    /**
     * A LIKE pattern for "contains {@code value}", taken literally: {@code %}, {@code _} and the
     * escape character itself are escaped with a backslash, LIKE's default escape on H2 and on
     * PostgreSQL alike (say {@code ESCAPE '\'} where the SQL is written out).
     */
    public static String containsPattern(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** {@code " WHERE a AND b"}, or nothing when there is no condition. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }

    /**
     * As the drivers take it: PostgreSQL's wants an OffsetDateTime for a timestamp with time zone
     * (not an Instant), and an enum is stored by its name.
     */
    private static Object bindable(Object value) {
        return switch (value) {
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case Enum<?> constant -> constant.name();
            default -> value;
        };
    }
}
