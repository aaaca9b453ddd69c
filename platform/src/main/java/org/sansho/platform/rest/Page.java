package org.sansho.platform.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the one pagination shape of every service. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        List<T> items = query.page(io.quarkus.panache.common.Page.of(params.page, params.size)).list().stream()
                .map(mapper).toList();
        long total = query.count();
        return new Page<>(items, params.page, params.size, total, totalPages(total, params.size));
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
