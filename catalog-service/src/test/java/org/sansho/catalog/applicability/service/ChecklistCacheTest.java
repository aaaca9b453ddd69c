package org.sansho.catalog.applicability.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecklistCacheTest {

    @Test
    void a_checklist_is_kept_for_its_request_until_a_publication_starts_a_new_generation() {
        ChecklistCache cache = new ChecklistCache(100);
        cache.put("saas-pre-contract", 0, new byte[10]);
        assertThat(cache.get("saas-pre-contract", 0)).hasSize(10);
        assertThat(cache.get("iaas-operation", 0)).isNull();

        assertThat(cache.get("saas-pre-contract", 1)).isNull();
        assertThat(cache.bytes()).isZero();
        // A checklist built before the publication arrives late: it is not kept.
        cache.put("saas-pre-contract", 0, new byte[10]);
        assertThat(cache.get("saas-pre-contract", 1)).isNull();
    }

    @Test
    void the_least_recently_used_go_first_when_the_size_bound_is_reached_and_an_oversized_one_is_not_kept() {
        ChecklistCache cache = new ChecklistCache(100);
        cache.put("a", 0, new byte[40]);
        cache.put("b", 0, new byte[40]);
        cache.get("a", 0);
        cache.put("c", 0, new byte[40]);
        assertThat(cache.get("b", 0)).isNull();
        assertThat(cache.get("a", 0)).isNotNull();
        assertThat(cache.get("c", 0)).isNotNull();
        assertThat(cache.bytes()).isEqualTo(80);

        cache.put("huge", 0, new byte[101]);
        assertThat(cache.get("huge", 0)).isNull();
        assertThat(cache.bytes()).isEqualTo(80);
    }

    @Test
    void requests_that_miss_together_make_the_checklist_once_and_share_a_failure() throws Exception {
        ChecklistCache cache = new ChecklistCache(1_000_000);
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch making = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.get("q", 1, () -> {
                    made.incrementAndGet();
                    making.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return new byte[]{42};
                })));
            }
            assertThat(making.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // the others arrive while the first is making it
            release.countDown();
            for (var answer : answers) {
                assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(42);
            }
            assertThat(made).hasValue(1);
            assertThat(cache.get("q", 1)).containsExactly(42);

            // a failure (an unpublished baseline) reaches the request that made it, and is not kept
            IllegalArgumentException refused = new IllegalArgumentException("not published");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("r", 1, () -> {
                throw refused;
            })).isSameAs(refused);
            assertThat(cache.get("r", 1)).isNull();
            assertThat(cache.get("r", 1, () -> new byte[]{7})).containsExactly(7);
        } finally {
            pool.shutdownNow();
        }
    }
}
