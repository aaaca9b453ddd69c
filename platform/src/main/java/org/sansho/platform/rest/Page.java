package org.sansho.platform.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list: the one pagination shape of every service. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /**
     * One page of {@code query}. The items and the total must agree even while rows are being added: the page's
     * query and a separate count see the database at two moments, and a list that was read empty just before its
     * first row committed would otherwise answer {@code totalItems: 1} with no item. So when the page is not full,
     * the total is what the page itself shows (no count query at all, which also spares the count on the last
     * page of a large table); only a full page, or one past the end, is counted, and never below what it shows.
     */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        List<T> items = query.page(io.quarkus.panache.common.Page.of(params.page, params.size)).list().stream()
                .map(mapper).toList();
        return of(items, params, total(params, items.size(), query::count));
    }

    /** The total of a page of {@code shown} items: counted (by {@code count}) only when the page cannot tell. */
    public static long total(PageParams params, int shown, LongSupplier count) {
        long upTo = (long) params.offset() + shown;
        boolean partial = shown < params.size && (shown > 0 || params.offset() == 0);
        if (partial) {
            return upTo;
        }
        return shown == 0 ? count.getAsLong() : Math.max(count.getAsLong(), upTo);
    }

    public static <T> Page<T> of(List<T> items, PageParams params, long total) {
        return new Page<>(items, params.page, params.size, total, totalPages(total, params.size));
    }

    /** Pages an in-memory list (for small, bounded collections such as a cached published version). */
    public static <T> Page<T> slice(List<T> all, PageParams params) {
        int from = Math.min(all.size(), params.offset());
        int to = Math.min(all.size(), from + params.size);
        return of(all.subList(from, to), params, all.size());
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
