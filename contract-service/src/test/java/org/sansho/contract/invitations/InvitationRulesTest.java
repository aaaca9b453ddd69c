package org.sansho.contract.invitations;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.invitations.domain.InvitationRules;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.domain.InvitationStatus;
import org.sansho.contract.invitations.domain.LinkTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A respondent link's rules and its token, without Quarkus. */
class InvitationRulesTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(7));

    @Test
    void a_link_is_pending_until_it_is_exchanged_expires_or_is_revoked_and_revocation_wins() {
        assertThat(InvitationRules.status(LATER, null, null, NOW)).isEqualTo(InvitationStatus.PENDING);
        assertThat(InvitationRules.status(LATER, null, null, LATER)).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(InvitationRules.status(LATER, NOW, null, LATER.plusSeconds(1)))
                .isEqualTo(InvitationStatus.EXCHANGED);
        assertThat(InvitationRules.status(LATER, NOW, NOW, NOW)).isEqualTo(InvitationStatus.REVOKED);
        assertThat(InvitationRules.status(LATER, null, NOW, LATER.plusSeconds(1)))
                .isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void only_a_pending_link_is_exchanged_and_a_revocation_happens_once() {
        assertThat(InvitationRules.exchangeRefusal(InvitationStatus.PENDING)).isNull();
        assertThat(InvitationRules.exchangeRefusal(InvitationStatus.EXCHANGED)).contains("already been used");
        assertThat(InvitationRules.exchangeRefusal(InvitationStatus.EXPIRED)).contains("expired");
        assertThat(InvitationRules.exchangeRefusal(InvitationStatus.REVOKED)).contains("revoked");
        for (InvitationStatus s : InvitationStatus.values()) {
            assertThat(InvitationRules.revocationRefusal(s) == null).isEqualTo(s != InvitationStatus.REVOKED);
        }
    }

    @Test
    void a_hospital_asks_for_one_to_thirty_days() {
        assertThat(InvitationRules.validityRefusal(null)).isNull();
        assertThat(InvitationRules.validityRefusal(1)).isNull();
        assertThat(InvitationRules.validityRefusal(30)).isNull();
        assertThat(InvitationRules.validityRefusal(0)).isNotNull();
        assertThat(InvitationRules.validityRefusal(31)).isNotNull();
        assertThat(InvitationRules.tokenExpiry(NOW, Duration.ofMinutes(30))).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void the_disclosure_scope_reads_and_answers_the_package_only() {
        assertThat(InvitationScope.DISCLOSURE.operations()).containsExactly("disclosure.read", "disclosure.answer");
    }

    @Test
    void the_assessment_scope_reads_the_contracts_assessments_and_answers_their_items_only() {
        assertThat(InvitationScope.ASSESSMENT.operations()).containsExactly("assessment.read", "assessment.answer");
        assertThat(InvitationScope.ASSESSMENT.operations()).doesNotContainAnyElementsOf(
                InvitationScope.DISCLOSURE.operations());
    }

    @Test
    void a_disclosure_link_is_made_before_the_agreement_and_an_assessment_link_while_the_contract_is_live() {
        for (ContractState state : ContractState.values()) {
            boolean beforeAgreement = state == ContractState.DRAFT || state == ContractState.DISCLOSURE_REQUESTED
                    || state == ContractState.UNDER_ASSESSMENT;
            assertThat(InvitationRules.openingRefusal(InvitationScope.DISCLOSURE, state) == null)
                    .as("disclosure link, %s", state).isEqualTo(beforeAgreement);
            boolean live = state != ContractState.CLOSED && state != ContractState.CANCELLED;
            assertThat(InvitationRules.openingRefusal(InvitationScope.ASSESSMENT, state) == null)
                    .as("assessment link, %s", state).isEqualTo(live);
        }
        assertThat(InvitationRules.openingRefusal(InvitationScope.ASSESSMENT, ContractState.CLOSED))
                .contains("CLOSED");
    }

    @Test
    void tokens_are_random_well_formed_and_stored_as_a_digest() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String t = LinkTokens.newToken();
            assertThat(LinkTokens.wellFormed(t)).isTrue();
            tokens.add(t);
        }
        assertThat(tokens).hasSize(100);
        String t = tokens.iterator().next();
        assertThat(LinkTokens.digest(t)).hasSize(64).isEqualTo(LinkTokens.digest(t)).isNotEqualTo(t)
                .matches("[0-9a-f]{64}");
        assertThat(LinkTokens.wellFormed(null)).isFalse();
        assertThat(LinkTokens.wellFormed("short")).isFalse();
        assertThat(LinkTokens.wellFormed("' OR '1'='1" + "x".repeat(32))).isFalse();
        assertThat(LinkTokens.wellFormed("A".repeat(43))).isTrue();
    }
}
