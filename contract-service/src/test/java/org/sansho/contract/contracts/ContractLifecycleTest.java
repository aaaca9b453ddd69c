package org.sansho.contract.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sansho.contract.contracts.domain.AssessmentOutcome;
import org.sansho.contract.contracts.domain.ContractLifecycle;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.DeletionCertificate;
import org.sansho.contract.contracts.domain.GuardFacts;
import org.sansho.contract.contracts.domain.ResponsibilitySplit;
import org.sansho.contract.contracts.domain.TransitionTrigger;
import org.sansho.contract.contracts.domain.Verdict;
import org.sansho.contract.contracts.domain.GuardFailure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.contract.contracts.domain.ContractState.*;

class ContractLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
    private static final DeletionCertificate CERTIFICATE =
            new DeletionCertificate("DEL-1", "消去業者 山田", "HDD x 4", "degaussing", TODAY);
    private static final ResponsibilitySplit.State AGREED_SPLIT = new ResponsibilitySplit.State(true, List.of(), true);
    /** Facts under which every guard holds. */
    private static final GuardFacts ALL_HOLD = new GuardFacts(
            new AssessmentOutcome(Verdict.ACCEPTABLE, 0, Instant.now()),
            new AssessmentOutcome(Verdict.CONDITIONAL, 3, Instant.now()),
            TODAY, 0, true, true, CERTIFICATE, TODAY, 0,
            new AssessmentOutcome(Verdict.CONDITIONAL, 0, Instant.now()), true, AGREED_SPLIT);
    /** Facts under which every guard fails. */
    private static final GuardFacts NONE_HOLD = new GuardFacts(null, null, null, 1, false, false, null, TODAY, 1, null,
            false, null);

    private static final Map<ContractState, Set<ContractState>> ALLOWED = Map.ofEntries(
            Map.entry(DRAFT, Set.of(DISCLOSURE_REQUESTED, CANCELLED)),
            Map.entry(DISCLOSURE_REQUESTED, Set.of(UNDER_ASSESSMENT, CANCELLED)),
            Map.entry(UNDER_ASSESSMENT, Set.of(AGREED, CANCELLED)),
            Map.entry(AGREED, Set.of(ACTIVE, CANCELLED)),
            Map.entry(CANCELLED, Set.of()),
            Map.entry(ACTIVE, Set.of(UNDER_REVIEW, INCIDENT, TERMINATION_NOTICED)),
            Map.entry(UNDER_REVIEW, Set.of(ACTIVE)),
            Map.entry(INCIDENT, Set.of(ACTIVE)),
            Map.entry(TERMINATION_NOTICED, Set.of(DATA_RETURN)),
            Map.entry(DATA_RETURN, Set.of(DATA_DELETION)),
            Map.entry(DATA_DELETION, Set.of(CLOSED)),
            Map.entry(CLOSED, Set.of()));

    static Stream<Arguments> allowedPairs() {
        return ALLOWED.entrySet().stream().flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    static Stream<Arguments> refusedPairs() {
        return Arrays.stream(ContractState.values()).flatMap(from -> Arrays.stream(ContractState.values())
                .filter(to -> !ALLOWED.get(from).contains(to)).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} → {1} is allowed when its guards hold")
    @MethodSource("allowedPairs")
    void every_lifecycle_transition_is_allowed_when_its_guards_hold(ContractState from, ContractState to) {
        TransitionTrigger trigger = to == INCIDENT ? TransitionTrigger.INCIDENT_REPORT : TransitionTrigger.REQUEST;
        assertThat(ContractLifecycle.check(from, to, trigger, () -> ALL_HOLD)).isEmpty();
        assertThat(ContractLifecycle.next(from)).contains(to);
    }

    @ParameterizedTest(name = "{0} → {1} gathers its facts only when a guard reads them")
    @MethodSource("allowedPairs")
    void facts_are_gathered_once_and_only_for_a_transition_whose_guards_read_them(ContractState from,
                                                                                  ContractState to) {
        TransitionTrigger trigger = to == INCIDENT ? TransitionTrigger.INCIDENT_REPORT : TransitionTrigger.REQUEST;
        int[] gathered = {0};
        ContractLifecycle.check(from, to, trigger, () -> {
            gathered[0]++;
            return ALL_HOLD;
        });
        boolean guarded = Set.of(UNDER_ASSESSMENT, AGREED, ACTIVE, TERMINATION_NOTICED, DATA_DELETION, CLOSED)
                .contains(to);
        assertThat(gathered[0]).isEqualTo(guarded ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} → {1} is refused by the lifecycle")
    @MethodSource("refusedPairs")
    void every_other_pair_is_refused_by_the_lifecycle_guard(ContractState from, ContractState to) {
        List<GuardFailure> failed = ContractLifecycle.check(from, to, TransitionTrigger.REQUEST, () -> ALL_HOLD);
        assertThat(failed).extracting(GuardFailure::guard).containsExactly(ContractLifecycle.LIFECYCLE);
        assertThat(failed.get(0).reason()).contains(from + " → " + to);
    }

    @Test
    void entering_incident_by_request_instead_of_an_incident_report_is_refused() {
        assertThat(guards(ACTIVE, INCIDENT, TransitionTrigger.REQUEST, ALL_HOLD))
                .containsExactly(ContractLifecycle.INCIDENT_REPORTED);
    }

    @Test
    void agreed_needs_an_acceptable_verdict_or_a_conditional_one_without_open_mandatory_gaps() {
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.PRE_CONTRACT_VERDICT,
                        ContractLifecycle.DISCLOSURE_SHARED_UNDERSTANDING, ContractLifecycle.RESPONSIBILITY_SPLIT);
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, pre(Verdict.UNACCEPTABLE, 0)))
                .containsExactly(ContractLifecycle.PRE_CONTRACT_VERDICT);
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, pre(Verdict.CONDITIONAL, 2)))
                .containsExactly(ContractLifecycle.PRE_CONTRACT_VERDICT);
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, pre(Verdict.CONDITIONAL, 0))).isEmpty();
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, pre(Verdict.ACCEPTABLE, 0))).isEmpty();
    }

    @Test
    void agreed_needs_every_part_2_item_assigned_and_the_vendors_acknowledgement() {
        GuardFacts accepted = pre(Verdict.ACCEPTABLE, 0);
        List<GuardFailure> none = ContractLifecycle.check(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST,
                () -> withSplit(accepted, new ResponsibilitySplit.State(false, List.of(), false)));
        assertThat(none).extracting(GuardFailure::guard).containsExactly(ContractLifecycle.RESPONSIBILITY_SPLIT);
        assertThat(none.get(0).reason()).contains("no responsibility split");

        List<GuardFailure> incomplete = ContractLifecycle.check(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST,
                () -> withSplit(accepted, new ResponsibilitySplit.State(true, List.of("Part2 A-1"), true)));
        assertThat(incomplete).extracting(GuardFailure::reason).singleElement().asString().contains("Part2 A-1");

        List<GuardFailure> unacknowledged = ContractLifecycle.check(UNDER_ASSESSMENT, AGREED,
                TransitionTrigger.REQUEST, () -> withSplit(accepted, new ResponsibilitySplit.State(true, List.of(), false)));
        assertThat(unacknowledged).extracting(GuardFailure::reason).singleElement().asString()
                .contains("acknowledged");
        assertThat(unacknowledged.get(0).rule()).contains("2省GL §3.2.1").contains("責任分界");

        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, accepted)).isEmpty();
    }

    private static GuardFacts withSplit(GuardFacts f, ResponsibilitySplit.State split) {
        return new GuardFacts(f.preContract(), f.postTermination(), f.signedOn(), f.incidentsWithoutAgreedMeasure(),
                f.terminationNoticed(), f.dataReturnConfirmed(), f.deletionCertificate(), f.today(),
                f.overdueReagreements(), f.inContract(), f.disclosureSharedUnderstanding(), split);
    }

    @Test
    void under_assessment_and_agreed_need_the_shared_understanding_of_the_disclosure_package() {
        assertThat(guards(DISCLOSURE_REQUESTED, UNDER_ASSESSMENT, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.DISCLOSURE_SHARED_UNDERSTANDING);
        assertThat(guards(DISCLOSURE_REQUESTED, UNDER_ASSESSMENT, TransitionTrigger.REQUEST, ALL_HOLD)).isEmpty();
        GuardFacts acceptableWithoutUnderstanding = new GuardFacts(ALL_HOLD.preContract(), null, null, 0, false,
                false, null, TODAY, 0, null, false, AGREED_SPLIT);
        assertThat(guards(UNDER_ASSESSMENT, AGREED, TransitionTrigger.REQUEST, acceptableWithoutUnderstanding))
                .containsExactly(ContractLifecycle.DISCLOSURE_SHARED_UNDERSTANDING);
        assertThat(ContractLifecycle.check(DISCLOSURE_REQUESTED, UNDER_ASSESSMENT, TransitionTrigger.REQUEST,
                () -> NONE_HOLD).get(0).rule()).contains("2省GL §3.2.1");
        // Cancelling needs no shared understanding.
        assertThat(guards(DISCLOSURE_REQUESTED, CANCELLED, TransitionTrigger.REQUEST, NONE_HOLD)).isEmpty();
    }

    @Test
    void active_needs_a_signed_date_that_is_not_in_the_future() {
        assertThat(guards(AGREED, ACTIVE, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.SIGNED_DATE);
        GuardFacts future = new GuardFacts(null, null, TODAY.plusDays(1), 0, false, false, null, TODAY, 0, null, false, null);
        assertThat(guards(AGREED, ACTIVE, TransitionTrigger.REQUEST, future))
                .containsExactly(ContractLifecycle.SIGNED_DATE);
    }

    @Test
    void leaving_incident_needs_every_measure_agreed_by_both_sides() {
        assertThat(guards(INCIDENT, ACTIVE, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.RECURRENCE_PREVENTION_AGREED);
    }

    @Test
    void ending_a_review_is_refused_while_a_re_agreement_is_open_past_its_due_date() {
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.IN_CONTRACT_VERDICT, ContractLifecycle.REAGREEMENT_OVERDUE);
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, ALL_HOLD)).isEmpty();
        // Leaving an incident is not held up by a re-agreement.
        GuardFacts overdueOnly = new GuardFacts(null, null, null, 0, false, false, null, TODAY, 2,
                ALL_HOLD.inContract(), true, null);
        assertThat(guards(INCIDENT, ACTIVE, TransitionTrigger.REQUEST, overdueOnly)).isEmpty();
        assertThat(ContractLifecycle.check(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, () -> overdueOnly))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).contains("§3.2.2");
                    assertThat(f.reason()).contains("2 re-agreement case(s)");
                });
    }

    @Test
    void a_review_ends_only_on_its_own_acceptable_or_conditional_verdict_without_open_mandatory_gaps() {
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, in(null, 0)))
                .containsExactly(ContractLifecycle.IN_CONTRACT_VERDICT);
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, in(Verdict.UNACCEPTABLE, 1)))
                .containsExactly(ContractLifecycle.IN_CONTRACT_VERDICT);
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, in(Verdict.CONDITIONAL, 1)))
                .containsExactly(ContractLifecycle.IN_CONTRACT_VERDICT);
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, in(Verdict.CONDITIONAL, 0))).isEmpty();
        assertThat(guards(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST, in(Verdict.ACCEPTABLE, 0))).isEmpty();
        // Only the review's exit reads it.
        assertThat(guards(INCIDENT, ACTIVE, TransitionTrigger.REQUEST, in(null, 0))).isEmpty();
        assertThat(ContractLifecycle.check(UNDER_REVIEW, ACTIVE, TransitionTrigger.REQUEST,
                () -> in(Verdict.UNACCEPTABLE, 1))).singleElement()
                .satisfies(f -> assertThat(f.rule()).contains("§3.2.2"));
    }

    private static GuardFacts in(Verdict verdict, int gaps) {
        return new GuardFacts(null, null, null, 0, false, false, null, TODAY, 0,
                verdict == null ? null : new AssessmentOutcome(verdict, gaps, Instant.now()), true, null);
    }

    @Test
    void termination_steps_need_notice_and_data_return_confirmation() {
        assertThat(guards(ACTIVE, TERMINATION_NOTICED, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.TERMINATION_NOTICE);
        assertThat(guards(TERMINATION_NOTICED, DATA_RETURN, TransitionTrigger.REQUEST, NONE_HOLD)).isEmpty();
        assertThat(guards(DATA_RETURN, DATA_DELETION, TransitionTrigger.REQUEST, NONE_HOLD))
                .containsExactly(ContractLifecycle.DATA_RETURN_CONFIRMED);
    }

    @Test
    void closed_names_every_missing_piece_at_once() {
        assertThat(guards(DATA_DELETION, CLOSED, TransitionTrigger.REQUEST, NONE_HOLD)).containsExactly(
                ContractLifecycle.DATA_RETURN_CONFIRMED, ContractLifecycle.DELETION_CERTIFICATE,
                ContractLifecycle.POST_TERMINATION_ASSESSMENT);
        GuardFacts incompleteCertificate = new GuardFacts(null, ALL_HOLD.postTermination(), null, 0, true, true,
                new DeletionCertificate("DEL-1", "", "HDD", "degaussing", TODAY), TODAY, 0, null, false, null);
        assertThat(guards(DATA_DELETION, CLOSED, TransitionTrigger.REQUEST, incompleteCertificate))
                .containsExactly(ContractLifecycle.DELETION_CERTIFICATE);
    }

    @Test
    void every_guard_failure_cites_the_rule_it_enforces() {
        assertThat(ContractLifecycle.check(DATA_DELETION, CLOSED, TransitionTrigger.REQUEST, () -> NONE_HOLD))
                .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
    }

    private static GuardFacts pre(Verdict verdict, int gaps) {
        return new GuardFacts(new AssessmentOutcome(verdict, gaps, Instant.now()), null, null, 0, false, false, null,
                TODAY, 0, null, true, AGREED_SPLIT);
    }

    private static List<String> guards(ContractState from, ContractState to, TransitionTrigger trigger,
                                       GuardFacts facts) {
        return ContractLifecycle.check(from, to, trigger, () -> facts).stream().map(GuardFailure::guard).toList();
    }
}
