package org.sansho.contract.reagreements;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.reagreements.domain.ReagreementRule;
import org.sansho.contract.reagreements.domain.ReagreementRule.ConsentOutcome;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReagreementRuleTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 4, 1);

    @Test
    void only_the_agreed_terms_of_an_agreed_contract_reopen_the_agreement() {
        List<String> changed = List.of("title", "sla", "term", "baseline", "responsibilities", "activity");
        assertThat(ReagreementRule.reopening(ContractState.ACTIVE, changed))
                .containsExactly("baseline", "sla", "responsibilities");
        assertThat(ReagreementRule.reopening(ContractState.AGREED, List.of("sla"))).containsExactly("sla");
        assertThat(ReagreementRule.reopening(ContractState.UNDER_REVIEW, List.of("title", "term"))).isEmpty();
        // Before the explicit agreement the terms are still being negotiated.
        assertThat(ReagreementRule.reopening(ContractState.DRAFT, changed)).isEmpty();
        assertThat(ReagreementRule.reopening(ContractState.UNDER_ASSESSMENT, changed)).isEmpty();
    }

    @Test
    void a_case_is_due_the_configured_period_after_opening_and_overdue_from_the_next_day_while_open() {
        LocalDate due = ReagreementRule.dueOn(OPENED, Period.ofDays(60));
        assertThat(due).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(ReagreementRule.overdue(true, due, due)).isFalse();
        assertThat(ReagreementRule.overdue(true, due, due.plusDays(1))).isTrue();
        assertThat(ReagreementRule.overdue(false, due, due.plusDays(1))).isFalse();
        assertThatThrownBy(() -> ReagreementRule.dueOn(OPENED, Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReagreementRule.dueOn(OPENED, Period.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_case_closes_only_with_the_second_side_and_neither_side_consents_twice() {
        assertThat(ReagreementRule.consent(false, false, false, ResponsibleParty.HOSPITAL))
                .isEqualTo(ConsentOutcome.RECORDED);
        assertThat(ReagreementRule.consent(false, false, false, ResponsibleParty.VENDOR))
                .isEqualTo(ConsentOutcome.RECORDED);
        assertThat(ReagreementRule.consent(false, true, false, ResponsibleParty.VENDOR))
                .isEqualTo(ConsentOutcome.CLOSES);
        assertThat(ReagreementRule.consent(false, false, true, ResponsibleParty.HOSPITAL))
                .isEqualTo(ConsentOutcome.CLOSES);
        assertThat(ReagreementRule.consent(false, true, false, ResponsibleParty.HOSPITAL))
                .isEqualTo(ConsentOutcome.ALREADY_GIVEN);
        assertThat(ReagreementRule.consent(true, true, true, ResponsibleParty.VENDOR))
                .isEqualTo(ConsentOutcome.CASE_CLOSED);
    }
}
