package org.sansho.assessment.assessments.domain;

import org.junit.jupiter.api.Test;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Ambiguous;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Carry;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Link;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Outcome;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Source;
import org.sansho.assessment.assessments.domain.AnswerCarryOver.Target;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.assessment.assessments.domain.AnsweringSide.BOTH;
import static org.sansho.assessment.assessments.domain.AnsweringSide.HOSPITAL;
import static org.sansho.assessment.assessments.domain.AnsweringSide.VENDOR;

class AnswerCarryOverTest {

    private static Source vendorAnswered(String key) {
        return new Source(key, true, false);
    }

    private static Target fresh(String key) {
        return new Target(key, VENDOR, false);
    }

    @Test
    void a_superseded_key_gives_its_answer_to_its_successor() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("MHLW5-6.1-C1")), List.of(fresh("MHLW6-GOV-1")),
                List.of(new Link("MHLW5-6.1-C1", "MHLW6-GOV-1", "SUPERSEDED_BY")));
        assertThat(out.carried()).containsExactly(new Carry("MHLW5-6.1-C1", "MHLW6-GOV-1", "SUPERSEDED_BY", true, false));
        assertThat(out.ambiguous()).isEmpty();
    }

    @Test
    void an_equivalence_carries_in_either_direction_but_a_succession_only_forwards() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("B"), vendorAnswered("C")),
                List.of(fresh("B2"), fresh("C2")),
                List.of(new Link("B2", "B", "EQUIVALENT"), new Link("C2", "C", "SUPERSEDED_BY")));
        assertThat(out.carried()).containsExactly(new Carry("B", "B2", "EQUIVALENT", true, false));
    }

    @Test
    void looser_relations_carry_nothing() {
        List<Link> links = List.of(new Link("A", "A2", "RELATED"), new Link("A", "A2", "INTERSECTS"),
                new Link("A", "A2", "SUBSET"), new Link("A", "A2", "SUPERSET"));
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("A")), List.of(fresh("A2")), links);
        assertThat(out.carried()).isEmpty();
        assertThat(out.ambiguous()).isEmpty();
    }

    @Test
    void several_answered_sources_for_one_target_carry_nothing_and_are_listed_as_candidates() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("C1"), vendorAnswered("C2"), vendorAnswered("D")),
                List.of(fresh("C"), fresh("D2")),
                List.of(new Link("C2", "C", "SUPERSEDED_BY"), new Link("C1", "C", "EQUIVALENT"),
                        new Link("D", "D2", "SUPERSEDED_BY")));
        assertThat(out.ambiguous()).containsExactly(new Ambiguous("C", List.of("C1", "C2")));
        assertThat(out.carried()).extracting(Carry::target).containsExactly("D2");
    }

    @Test
    void a_source_split_into_several_targets_gives_each_its_answer() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("S")), List.of(fresh("S1"), fresh("S2")),
                List.of(new Link("S", "S2", "SUPERSEDED_BY"), new Link("S", "S1", "SUPERSEDED_BY")));
        assertThat(out.carried()).extracting(Carry::target).containsExactly("S1", "S2");
    }

    @Test
    void only_answers_that_exist_go_only_to_targets_without_their_own_and_to_the_side_that_answers_them() {
        Outcome out = AnswerCarryOver.plan(
                List.of(new Source("unanswered", false, false), vendorAnswered("V"), new Source("H", false, true),
                        new Source("both", true, true), vendorAnswered("toAnswered")),
                List.of(fresh("U2"), new Target("V2", HOSPITAL, false), new Target("H2", BOTH, false),
                        new Target("both2", HOSPITAL, false), new Target("answered2", VENDOR, true)),
                List.of(new Link("unanswered", "U2", "SUPERSEDED_BY"), new Link("V", "V2", "SUPERSEDED_BY"),
                        new Link("H", "H2", "SUPERSEDED_BY"), new Link("both", "both2", "EQUIVALENT"),
                        new Link("toAnswered", "answered2", "SUPERSEDED_BY")));
        assertThat(out.carried()).containsExactly(new Carry("H", "H2", "SUPERSEDED_BY", false, true),
                new Carry("both", "both2", "EQUIVALENT", false, true));
        assertThat(out.ambiguous()).isEmpty();
    }

    @Test
    void an_unanswered_second_source_does_not_make_the_target_ambiguous() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("C1"), new Source("C2", false, false)),
                List.of(fresh("C")),
                List.of(new Link("C1", "C", "SUPERSEDED_BY"), new Link("C2", "C", "SUPERSEDED_BY")));
        assertThat(out.carried()).extracting(Carry::source).containsExactly("C1");
    }

    @Test
    void a_pair_linked_by_both_relations_is_carried_once_as_a_succession() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("A")), List.of(fresh("A2")),
                List.of(new Link("A2", "A", "EQUIVALENT"), new Link("A", "A2", "SUPERSEDED_BY")));
        assertThat(out.carried()).containsExactly(new Carry("A", "A2", "SUPERSEDED_BY", true, false));
    }

    @Test
    void keys_that_are_not_removed_or_not_added_are_left_alone() {
        Outcome out = AnswerCarryOver.plan(List.of(vendorAnswered("A")), List.of(fresh("A2")),
                List.of(new Link("kept", "A2", "SUPERSEDED_BY"), new Link("A", "changed", "SUPERSEDED_BY")));
        assertThat(out.carried()).isEmpty();
    }
}
