package org.sansho.platform.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the one pagination shape of every service.
 *
 * <p>{@code totalItems} is exact when {@code totalItemsExact} is true. A long list is counted only as far as
 * {@link #horizon(PageParams)} (at least {@value #COUNT_LIMIT} items, and always ten pages past the one asked for):
 * beyond that, {@code totalItemsExact} is false and {@code totalItems} is the horizon, read as "more than". So the
 * cost of a page does not grow with the size of the table. A client that needs the exact total of a long list asks
 * for it with {@code exactTotal=true}.
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Page size") int size,
        @Schema(description = "Items in the whole list; when totalItemsExact is false, a lower bound: there are "
                + "more than this many") long totalItems,
        @Schema(description = "Whether totalItems is the exact count. A long list is counted only as far as ten "
                + "pages past this one (at least " + COUNT_LIMIT + " items) unless exactTotal=true is asked")
        boolean totalItemsExact,
        @Schema(description = "Pages of totalItems") int totalPages) {

    /** A list is always counted exactly up to this many items. */
    public static final int COUNT_LIMIT = 1000;

    /** And always this many pages past the one asked for. */
    static final int PAGES_AHEAD = 10;

    /** Counts a list as far as a bound: the exact count when it is at most {@code limit}, else any number above. */
    @FunctionalInterface
    public interface BoundedCount {
        long upTo(long limit);
    }

    /** The total of a list, or a lower bound of it. */
    public record Total(long items, boolean exact) {
    }

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
        return of(items, params, total(params, items.size(), limit -> {
            if (limit == Long.MAX_VALUE) {
                return query.count();
            }
            // Is there an item past the horizon? Only if not is the (then bounded) count worth making.
            return query.range((int) limit, (int) limit).firstResultOptional().isPresent() ? limit + 1 : query.count();
        }));
    }

    /** The total of a page of {@code shown} items: counted (by {@code count}) only when the page cannot tell. */
    public static Total total(PageParams params, int shown, BoundedCount count) {
        long upTo = (long) params.offset() + shown;
        boolean partial = shown < params.size && (shown > 0 || params.offset() == 0);
        if (partial) {
            return new Total(upTo, true);
        }
        long horizon = horizon(params);
        long counted = count.upTo(horizon);
        if (counted > horizon) {
            return new Total(Math.max(horizon, upTo), false);
        }
        return new Total(shown == 0 ? counted : Math.max(counted, upTo), true);
    }

    /** How far a list is counted for this request. */
    public static long horizon(PageParams params) {
        if (params.exactTotal) {
            return Long.MAX_VALUE;
        }
        return Math.max(COUNT_LIMIT, params.offset() + (long) params.size * PAGES_AHEAD);
    }

    public static <T> Page<T> of(List<T> items, PageParams params, Total total) {
        return new Page<>(items, params.page, params.size, total.items(), total.exact(),
                totalPages(total.items(), params.size));
    }

    public static <T> Page<T> of(List<T> items, PageParams params, long total) {
        return of(items, params, new Total(total, true));
    }

    /** Pages an in-memory list (for small, bounded collections such as a cached published version). */
    public static <T> Page<T> slice(List<T> all, PageParams params) {
        int from = Math.min(all.size(), params.offset());
        int to = Math.min(all.size(), from + params.size);
        return of(all.subList(from, to), params, all.size());
    }

    /** This page's items, with the same page and total. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalItemsExact, totalPages);
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
