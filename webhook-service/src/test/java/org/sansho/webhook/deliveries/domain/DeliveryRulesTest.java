package org.sansho.webhook.deliveries.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sansho.webhook.deliveries.domain.EventParties.Audience;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_retry_schedule_waits_its_steps_in_turn_and_then_gives_up() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(schedule.next(1, t)).contains(t.plusSeconds(5));
        assertThat(schedule.next(2, t)).contains(t.plusSeconds(300));
        assertThat(schedule.next(3, t)).isEmpty();
    }

    @Test
    void a_2xx_succeeds_a_410_means_gone_and_everything_else_fails() {
        assertThat(AttemptOutcome.of(200)).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(AttemptOutcome.of(204)).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(AttemptOutcome.of(301)).isEqualTo(AttemptOutcome.FAILED);
        assertThat(AttemptOutcome.of(410)).isEqualTo(AttemptOutcome.GONE);
        assertThat(AttemptOutcome.of(503)).isEqualTo(AttemptOutcome.FAILED);
    }

    @Test
    void a_contract_event_concerns_its_hospital_and_its_vendor_and_nobody_else() throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        JsonNode data = JSON.readTree("{\"contractId\":\"" + UUID.randomUUID() + "\",\"hospitalId\":\"" + hospital
                + "\",\"vendorId\":\"" + vendor + "\"}");
        EventParties parties = EventParties.of("org.sansho.contract.created.v1", data);
        assertThat(parties.audienceOf(hospital)).contains(Audience.HOSPITAL);
        assertThat(parties.audienceOf(vendor)).contains(Audience.VENDOR);
        assertThat(parties.audienceOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_respondent_invitations_event_concerns_the_hospital_and_not_the_vendor_it_names() throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        JsonNode data = JSON.readTree("{\"contractId\":\"" + UUID.randomUUID() + "\",\"hospitalId\":\"" + hospital
                + "\",\"vendorId\":\"" + vendor + "\",\"invitationId\":\"" + UUID.randomUUID() + "\"}");
        EventParties parties = EventParties.of("org.sansho.contract.respondent-invitation.revoked.v1", data);
        assertThat(parties.audienceOf(hospital)).contains(Audience.HOSPITAL);
        assertThat(parties.audienceOf(vendor)).isEmpty();
        assertThat(parties.organizations()).containsExactly(hospital);
        // The other contract events still concern both sides.
        assertThat(EventParties.of("org.sansho.contract.amended.v1", data).audienceOf(vendor))
                .contains(Audience.VENDOR);
    }

    @Test
    void a_catalog_event_is_public_and_an_event_without_parties_concerns_nobody() throws Exception {
        assertThat(EventParties.of("org.sansho.catalog.guideline-version.published.v1", JSON.readTree("{}"))
                .audienceOf(UUID.randomUUID())).contains(Audience.PUBLIC);
        assertThat(EventParties.of("org.sansho.contract.created.v1", JSON.readTree("{\"hospitalId\":\"x\"}"))
                .audienceOf(UUID.randomUUID())).isEmpty();
        UUID org = UUID.randomUUID();
        assertThat(EventParties.of("org.sansho.contract.certification.expiring.v1",
                JSON.readTree("{\"organizationId\":\"" + org + "\"}")).audienceOf(org)).contains(Audience.ORGANIZATION);
    }

    @Test
    void the_vendor_does_not_see_who_accepted_a_risk_and_why_but_the_hospital_does() throws Exception {
        JsonNode data = JSON.readTree("""
                {"findingId":"f","status":"RISK_ACCEPTED","approver":"Dr. Sato","justification":"budget",
                 "riskAcceptance":{"approver":"Dr. Sato","justification":"budget","expiresOn":"2027-03-31"}}""");
        String type = "org.sansho.assessment.finding.risk-accepted.v1";
        JsonNode vendorView = EventViewPolicy.view(type, data, Audience.VENDOR);
        assertThat(vendorView.has("approver")).isFalse();
        assertThat(vendorView.has("justification")).isFalse();
        assertThat(vendorView.path("riskAcceptance").has("approver")).isFalse();
        assertThat(vendorView.path("riskAcceptance").has("justification")).isFalse();
        assertThat(vendorView.path("riskAcceptance").path("expiresOn").asText()).isEqualTo("2027-03-31");
        assertThat(vendorView.path("status").asText()).isEqualTo("RISK_ACCEPTED");
        assertThat(EventViewPolicy.view(type, data, Audience.HOSPITAL)).isEqualTo(data);
        assertThat(data.path("riskAcceptance").path("approver").asText()).as("the original is not changed")
                .isEqualTo("Dr. Sato");
        assertThat(EventViewPolicy.view("org.sansho.contract.amended.v1", data, Audience.VENDOR)).isSameAs(data);
    }
}
