package dev.encore.platform;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The one collection shape of the API (DESIGN §5).
 *
 * @param items         this page's items
 * @param page          zero-based page number
 * @param size          requested page size
 * @param totalItems    items across all pages
 * @param totalPages    number of pages
 * @param hasNext       whether a later page exists
 * @param hasPrevious   whether an earlier page exists
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages,
        boolean hasNext, boolean hasPrevious) {

    /** Maps a Spring Data page into the API shape, converting each item with {@code mapper}. */
    public static <E, T> PageResponse<T> from(Page<E> page, Function<? super E, ? extends T> mapper) {
        List<T> items = page.getContent().stream().<T>map(mapper).toList();
        return new PageResponse<>(items, page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages(), page.hasNext(), page.hasPrevious());
    }
}
