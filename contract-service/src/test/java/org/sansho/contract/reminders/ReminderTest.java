package org.sansho.contract.reminders;

import org.sansho.contract.reminders.service.ReminderService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TopicRecords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.contract.Fixtures.as;

/** The reminder job runs for any business date it is given, so years pass in milliseconds. */
@QuarkusTest
class ReminderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReminderService reminders;

    @Inject
    Clock clock;

    @Test
    void a_certification_expiring_is_announced_once_per_threshold_and_only_the_nearest_when_several_are_reached() {
        Fixtures.Parties p = Fixtures.parties();
        String cert = as("vendor", p.vendor()).body(Map.of("scheme", "PRIVACY_MARK", "issuedOn", "2029-07-01",
                        "expiresOn", "2031-06-30"))
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201)
                .extract().path("id");
        reminders.sendDue(LocalDate.of(2031, 5, 30));
        reminders.sendDue(LocalDate.of(2031, 6, 1));
        reminders.sendDue(LocalDate.of(2031, 6, 1));
        reminders.sendDue(LocalDate.of(2031, 6, 30));
        reminders.sendDue(LocalDate.of(2031, 6, 30));

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> events(p.vendor().toString(), "certification.expiring"), e -> e.size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events(p.vendor().toString(), "certification.expiring").size() == 2);
        assertThat(events).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(30, 0);
        assertThat(events.get(0).path("data").path("certificationId").asText()).isEqualTo(cert);
        assertThat(events.get(0).path("data").path("scheme").asText()).isEqualTo("PRIVACY_MARK");
        assertThat(events.get(0).path("subject").asText()).isEqualTo(p.vendor().toString());
    }

    @Test
    void notice_deadlines_are_announced_at_30_7_and_0_days_and_a_passed_end_date_once() {
        Fixtures.Parties p = Fixtures.parties();
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("term", Map.of("startDate", "2029-04-01", "endDate", "2031-03-31", "autoRenewal", false,
                "hospitalNoticeDays", 90, "vendorNoticeDays", 180));
        String id = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .body("term.noticeDeadline", equalTo("2030-10-02")).extract().path("id");
        activate(p, UUID.fromString(id));

        for (String day : List.of("2030-09-01", "2030-09-02", "2030-09-02", "2030-09-26", "2030-10-02",
                "2030-10-03", "2031-04-01", "2031-04-02")) {
            reminders.sendDue(LocalDate.parse(day));
        }
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> events(id, "notice-deadline-approaching"), e -> e.size() >= 4);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events(id, "notice-deadline-approaching").size() == 4);
        assertThat(events).extracting(e -> e.path("data").path("kind").asText() + ":"
                        + e.path("data").path("thresholdDays").asInt())
                .containsExactly("NOTICE_DEADLINE:30", "NOTICE_DEADLINE:7", "NOTICE_DEADLINE:0", "END_DATE_PASSED:0");
        assertThat(events.get(0).path("data").path("deadline").asText()).isEqualTo("2030-10-02");
        assertThat(events.get(0).path("data").path("hospitalId").asText()).isEqualTo(p.hospital().toString());
    }

    @Test
    void the_job_reads_today_from_the_platform_clock_in_japan_so_a_replaced_clock_moves_it_through_time() {
        Fixtures.Parties p = Fixtures.parties();
        as("vendor", p.vendor()).body(Map.of("scheme", "ISMAP", "issuedOn", "2030-01-01", "expiresOn", "2032-01-20"))
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201);
        // 05:00 on 13 January in Tokyo is still 12 January in UTC: 7 days before the expiry only on Japan's calendar.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2032-01-12T20:00:00Z"), clock.getZone()),
                Clock.class);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2032, 1, 13));
        reminders.sendDueToday();
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> events(p.vendor().toString(), "certification.expiring"), e -> e.size() >= 1);
        assertThat(events).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(7);
    }

    private void activate(Fixtures.Parties p, UUID id) {
        Fixtures.activate(p, id, "2029-03-01T00:00:00Z", "2025-03-01");
    }

    private static List<JsonNode> events(String key, String typePart) {
        return TopicRecords.forKey("contract.events", key).stream().map(r -> tree(r.value()))
                .filter(e -> e.path("type").asText().contains(typePart)).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
