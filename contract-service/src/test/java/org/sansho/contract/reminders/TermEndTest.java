package org.sansho.contract.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.contract.reminders.service.ReminderService;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/** The daily job ends or renews terms on the business date it is given, once per date. */
@QuarkusTest
class TermEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReminderService reminders;

    @Test
    void an_auto_renewing_term_rolls_over_by_its_own_length_once_its_end_passes_and_announces_it_once() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = active(p, term("2029-04-01", "2031-03-31", true, null));

        reminders.sendDue(LocalDate.of(2031, 3, 31));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("term.endDate", equalTo("2031-03-31"));
        reminders.sendDue(LocalDate.of(2031, 4, 1));
        reminders.sendDue(LocalDate.of(2031, 4, 1));
        reminders.sendDue(LocalDate.of(2031, 4, 2));

        as("auditor", p.vendor()).get("/api/v1/contracts/" + id).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("term.startDate", equalTo("2031-04-01"))
                .body("term.endDate", equalTo("2033-03-31"))
                .body("term.noticeDeadline", equalTo("2032-10-02"))
                .body("term.expired", is(false));
        List<JsonNode> renewed = exactly(id, "org.sansho.contract.renewed.v1", 1);
        JsonNode data = renewed.get(0).path("data");
        assertThat(data.path("previousEndDate").asText()).isEqualTo("2031-03-31");
        assertThat(data.path("startDate").asText()).isEqualTo("2031-04-01");
        assertThat(data.path("endDate").asText()).isEqualTo("2033-03-31");
        assertThat(data.path("noticeDeadline").asText()).isEqualTo("2032-10-02");
        assertThat(data.path("renewalPeriod").asText()).isEqualTo("P2Y");
        assertThat(data.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        assertThat(events(id, "org.sansho.contract.term-expired.v1")).isEmpty();
    }

    @Test
    void a_late_run_renews_an_agreed_twelve_month_period_once_per_term_that_ended() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = active(p, term("2029-04-01", "2030-03-31", true, 12));

        reminders.sendDue(LocalDate.of(2032, 5, 1));
        reminders.sendDue(LocalDate.of(2032, 5, 1));

        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("term.startDate", equalTo("2032-04-01")).body("term.endDate", equalTo("2033-03-31"))
                .body("term.renewalMonths", is(12)).body("term.noticeDeadline", equalTo("2032-10-02"));
        assertThat(exactly(id, "org.sansho.contract.renewed.v1", 3))
                .extracting(e -> e.path("data").path("previousEndDate").asText() + "→"
                        + e.path("data").path("endDate").asText())
                .containsExactly("2030-03-31→2031-03-31", "2031-03-31→2032-03-31", "2032-03-31→2033-03-31");
    }

    @Test
    void a_term_without_auto_renewal_is_flagged_expired_and_announced_once_and_a_new_term_clears_the_flag() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = active(p, term("2029-04-01", "2031-03-31", false, null));

        reminders.sendDue(LocalDate.of(2031, 4, 1));
        reminders.sendDue(LocalDate.of(2031, 4, 1));
        reminders.sendDue(LocalDate.of(2031, 4, 5));

        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("term.expired", is(true)).body("term.endDate", equalTo("2031-03-31"))
                .body("state", equalTo("ACTIVE")).extract().header("ETag");
        List<JsonNode> expired = exactly(id, "org.sansho.contract.term-expired.v1", 1);
        assertThat(expired.get(0).path("data").path("endDate").asText()).isEqualTo("2031-03-31");
        assertThat(expired.get(0).path("data").path("state").asText()).isEqualTo("ACTIVE");
        assertThat(events(id, "org.sansho.contract.renewed.v1")).isEmpty();

        as("procurement", p.hospital()).header("If-Match", etag)
                .body(Map.of("term", term("2029-04-01", "2033-03-31", false, null)))
                .patch("/api/v1/contracts/" + id).then().statusCode(200)
                .body("term.expired", is(false)).body("term.noticeDeadline", equalTo("2032-10-02"));
    }

    @Test
    void a_renewal_period_out_of_range_is_refused_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        as("procurement", p.hospital()).header("If-Match", "\"0\"")
                .body(Map.of("term", term("2025-04-01", "2028-03-31", true, 0)))
                .patch("/api/v1/contracts/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().header("ETag", equalTo("\"0\""))
                .body("term.autoRenewal", is(false)).body("term.renewalMonths", equalTo(null));
    }

    private static Map<String, Object> term(String start, String end, boolean autoRenewal, Integer renewalMonths) {
        Map<String, Object> term = new HashMap<>(Map.of("startDate", start, "endDate", end,
                "autoRenewal", autoRenewal, "hospitalNoticeDays", 90, "vendorNoticeDays", 180));
        if (renewalMonths != null) {
            term.put("renewalMonths", renewalMonths);
        }
        return term;
    }

    private UUID active(Fixtures.Parties p, Map<String, Object> term) {
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("term", term);
        UUID id = UUID.fromString(as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then()
                .statusCode(201).extract().path("id"));
        return Fixtures.activate(p, id, "2029-03-01T00:00:00Z", "2025-03-01");
    }

    /** Waits for {@code count} events of the type, then checks that no more arrive. */
    private static List<JsonNode> exactly(UUID contract, String type, int count) {
        List<JsonNode> found = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(contract, type), e -> e.size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events(contract, type).size() == count);
        return found;
    }

    private static List<JsonNode> events(UUID contract, String type) {
        return TopicRecords.forKey("contract.events", contract.toString()).stream().map(r -> tree(r.value()))
                .filter(e -> e.path("type").asText().equals(type)).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
