package dev.encore.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Parameter;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Paging parameters as clients send them: {@code ?page=0&size=20&sort=createdAt,desc}. Bind it
 * with {@code @Valid PageQuery query} on a controller method; out-of-range values are 400s.
 *
 * @param page zero-based page number, 0..{@value #MAX_PAGE} (default 0); the bound keeps the row offset
 *             (page × size) within what a database query takes
 * @param size page size, 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE})
 * @param sort sort orders {@code property[,asc|desc]}; the property must be one the endpoint allows
 */
// @ParameterObject: the OpenAPI document lists page, size and sort as the optional query parameters
// they are (PageQueryArgumentResolver reads them), not one required object parameter "page"
@ParameterObject
public record PageQuery(
        @Parameter(description = "Zero-based page number, 0.." + MAX_PAGE + " (default 0)")
        @Min(value = 0, message = "must be between 0 and " + MAX_PAGE) @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE) Integer page,
        @Parameter(description = "Page size, 1.." + MAX_SIZE + " (default " + DEFAULT_SIZE + ")")
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = MAX_SIZE, message = "must be between 1 and 100") Integer size,
        @Parameter(description = "Sort orders, property[,asc|desc], repeatable; a property the listing does not sort by is a 400")
        List<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,63}(,(?i)(asc|desc))?", message = "must be property[,asc|desc]") String> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    /**
     * A {@link Pageable} allowing sorting only by {@code sortable} properties.
     *
     * @throws InvalidFieldsException when a sort property is not allowed
     */
    public Pageable toPageable(Set<String> sortable, Sort defaultSort) {
        int number = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (sort == null || sort.isEmpty()) {
            return PageRequest.of(number, pageSize, defaultSort);
        }
        List<Sort.Order> orders = new ArrayList<>();
        // "sort=title,desc" arrives either whole or split at the comma into "title" and "desc"
        for (String token : sort) {
            for (String part : token.split(",")) {
                if (part.equalsIgnoreCase("asc") || part.equalsIgnoreCase("desc")) {
                    if (!orders.isEmpty()) {
                        Sort.Order last = orders.removeLast();
                        orders.add(last.with(Sort.Direction.fromString(part)));
                    }
                }
                else if (sortable.contains(part)) {
                    orders.add(Sort.Order.asc(part));
                }
                else {
                    throw InvalidFieldsException.of("sort", "cannot sort by '" + part + "'; allowed: "
                            + String.join(", ", new java.util.TreeSet<>(sortable)));
                }
            }
        }
        return PageRequest.of(number, pageSize, Sort.by(orders));
    }
}
