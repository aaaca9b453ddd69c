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
}
