package dev.encore.library.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.platform.SqlWhere;

/**
 * A page of content chosen by SQL conditions on its table (alias {@code c}): the ids of the page
 * in order and, when the page alone cannot tell it, the count; then the aggregates of those ids.
 * Spring Data JDBC has no query for conditions made per request that also pages and sorts.
 */
@Component
public class ContentListing {

    private final JdbcClient jdbc;

    ContentListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param table       the content's table
     * @param sortColumns the sort properties {@code pageable} may name, and their columns
     */
    public <T extends LibraryContent> Page<T> page(ContentRepository<T> repository, String table, SqlWhere where,
            Pageable pageable, Map<String, String> sortColumns) {
        List<UUID> ids = jdbc.sql("SELECT c.id FROM " + table + " c" + where.sql()
                + orderBy(pageable.getSort(), sortColumns) + " LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(UUID.class).list();
        return PageableExecutionUtils.getPage(inOrder(ids, repository.findAllById(ids)), pageable,
                () -> jdbc.sql("SELECT COUNT(*) FROM " + table + " c" + where.sql()).params(where.params())
                        .query(Long.class).single());
    }

    /** {@code found} in the order of {@code ids}, leaving out what is gone. */
    private static <T extends LibraryContent> List<T> inOrder(List<UUID> ids, List<T> found) {
        Map<UUID, T> byId = found.stream().collect(Collectors.toMap(LibraryContent::id, Function.identity()));
        return ids.stream().map(byId::get).filter(content -> content != null).toList();
    }

    /**
     * The ORDER BY of {@code sort}, then the id (a stable order across pages), on the table's alias
     * {@code c}; only the properties in {@code sortColumns}.
     */
    public static String orderBy(Sort sort, Map<String, String> sortColumns) {
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = sortColumns.get(order.getProperty());
            if (column == null) {
                // the controllers let only these through (PageQuery.toPageable)
                throw new IllegalArgumentException("not a sortable property: " + order.getProperty());
            }
            orders.add(column + (order.isAscending() ? " ASC" : " DESC"));
        }
        orders.add("c.id");
        return " ORDER BY " + String.join(", ", orders);
    }
}
