package org.sansho.platform.rest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    private final AtomicInteger counted = new AtomicInteger();

    private LongSupplier count(long value) {
        return () -> {
            counted.incrementAndGet();
            return value;
        };
    }

    @Test
    void a_page_that_is_not_full_is_its_own_total_even_when_a_row_arrived_after_it_was_read() {
        // The first row committed between the page's query and a count: the page stays consistent with itself.
        assertThat(Page.total(new PageParams(0, 20), 0, count(1))).isZero();
        assertThat(Page.total(new PageParams(2, 20), 7, count(48))).isEqualTo(47);
        assertThat(counted).hasValue(0);
    }

    @Test
    void a_full_page_or_one_past_the_end_is_counted_and_never_below_what_it_shows() {
        assertThat(Page.total(new PageParams(0, 20), 20, count(1000))).isEqualTo(1000);
        assertThat(Page.total(new PageParams(5, 20), 0, count(37))).isEqualTo(37);
        // Rows removed between the two queries: the total still covers the items shown.
        assertThat(Page.total(new PageParams(1, 20), 20, count(30))).isEqualTo(40);
        assertThat(counted).hasValue(3);
    }
}
