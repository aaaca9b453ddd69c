package org.sansho.platform.rest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    private final List<Long> asked = new ArrayList<>();

    /** A list of {@code size} items, counted as {@link Page.BoundedCount} promises, remembering each bound asked. */
    private Page.BoundedCount listOf(long size) {
        return limit -> {
            asked.add(limit);
            return Math.min(size, limit == Long.MAX_VALUE ? size : limit + 1);
        };
    }

    private static PageParams params(int page, int size, boolean exact) {
        PageParams p = new PageParams(page, size);
        p.exactTotal = exact;
        return p;
    }

    @Test
    void a_page_that_is_not_full_is_its_own_total_even_when_a_row_arrived_after_it_was_read() {
        // The first row committed between the page's query and a count: the page stays consistent with itself.
        assertThat(Page.total(new PageParams(0, 20), 0, listOf(1))).isEqualTo(new Page.Total(0, true));
        assertThat(Page.total(new PageParams(2, 20), 7, listOf(48))).isEqualTo(new Page.Total(47, true));
        assertThat(asked).isEmpty();
    }

    @Test
    void a_full_page_or_one_past_the_end_is_counted_and_never_below_what_it_shows() {
        assertThat(Page.total(new PageParams(0, 20), 20, listOf(1000))).isEqualTo(new Page.Total(1000, true));
        assertThat(Page.total(new PageParams(5, 20), 0, listOf(37))).isEqualTo(new Page.Total(37, true));
        // Rows removed between the two queries: the total still covers the items shown.
        assertThat(Page.total(new PageParams(1, 20), 20, listOf(30))).isEqualTo(new Page.Total(40, true));
        assertThat(asked).hasSize(3);
    }

    @Test
    void a_long_list_is_counted_only_as_far_as_the_horizon_and_says_its_total_is_a_lower_bound() {
        assertThat(Page.total(new PageParams(0, 20), 20, listOf(100_000)))
                .isEqualTo(new Page.Total(Page.COUNT_LIMIT, false));
        // Deep in the list, the horizon is ten pages past the one asked for.
        assertThat(Page.total(new PageParams(200, 20), 20, listOf(100_000))).isEqualTo(new Page.Total(4200, false));
        assertThat(asked).containsExactly((long) Page.COUNT_LIMIT, 4200L);
        // Exactly at the horizon, the count is still exact.
        assertThat(Page.total(new PageParams(0, 20), 20, listOf(Page.COUNT_LIMIT)))
                .isEqualTo(new Page.Total(Page.COUNT_LIMIT, true));
    }

    @Test
    void an_exact_total_is_counted_however_long_the_list() {
        assertThat(Page.total(params(0, 20, true), 20, listOf(100_000))).isEqualTo(new Page.Total(100_000, true));
        assertThat(asked).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void the_pages_of_a_lower_bound_cover_it() {
        Page<String> page = Page.of(List.of("a"), new PageParams(0, 20), new Page.Total(Page.COUNT_LIMIT, false));
        assertThat(page.totalPages()).isEqualTo(Page.COUNT_LIMIT / 20);
        assertThat(page.totalItemsExact()).isFalse();
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A");
    }
}
