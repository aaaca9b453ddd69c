package org.sansho.assessment.posture.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewSortTest {

    @Test
    void a_key_sorts_ascending_and_a_dash_descending_with_empty_values_last_and_ties_by_contract() {
        OverviewSort.Order up = OverviewSort.parse("overdueFindings").orElseThrow();
        assertThat(up.key()).isEqualTo(OverviewSort.OVERDUE_FINDINGS);
        assertThat(up.descending()).isFalse();
        assertThat(up.sql()).isEqualTo("p.overdue_findings asc nulls last, p.contract_id");
        OverviewSort.Order down = OverviewSort.parse("-nextDeadline").orElseThrow();
        assertThat(down.key()).isEqualTo(OverviewSort.NEXT_DEADLINE);
        assertThat(down.sql()).isEqualTo("next_deadline desc nulls last, p.contract_id");
    }

    @Test
    void no_sort_is_the_latest_state_change_first_and_an_unknown_key_is_refused() {
        assertThat(OverviewSort.parse(null)).contains(new OverviewSort.Order(OverviewSort.STATE_CHANGED_AT, true));
        assertThat(OverviewSort.parse(" ")).contains(new OverviewSort.Order(OverviewSort.STATE_CHANGED_AT, true));
        assertThat(OverviewSort.parse("risk")).isEmpty();
        assertThat(OverviewSort.parse("--title")).isEmpty();
        assertThat(OverviewSort.parse("p.title; drop table finding")).isEmpty();
        assertThat(OverviewSort.keys()).contains("openMandatoryGaps").contains("reagreementPending");
    }
}
