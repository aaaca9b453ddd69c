package org.sansho.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxTest {

    private static final String TOPIC = "platform-test.events";
    private final UUID org = UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Test
    void a_committed_change_is_published_as_a_cloud_event_keyed_by_its_aggregate() throws IOException {
        String id = given().auth().oauth2(TestTokens.token("procurement", org))
                .contentType("application/json")
                .body("{\"text\":\"first\",\"colour\":\"RED\",\"priority\":1}")
                .post("/fixture/notes").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = awaitRecords(id, 1).get(0);
        JsonNode event = mapper.readTree(record.value());
        assertThat(record.key()).isEqualTo(id);
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .startsWith("application/cloudevents+json");
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("org.sansho.fixture.note-created.v1");
        assertThat(event.get("source").asText()).isEqualTo("/sansho/platform-test");
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("id").asText()).isNotBlank();
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("data").get("text").asText()).isEqualTo("first");
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(UUID.fromString(event.get("id").asText())) != null);
    }

    @Test
    void a_rolled_back_change_publishes_nothing_and_stores_nothing() {
        long before = count("outbox_event");
        given().auth().oauth2(TestTokens.token("procurement", org))
                .contentType("application/json")
                .body("{\"text\":\"doomed\",\"colour\":\"RED\",\"priority\":1}")
                .post("/fixture/notes?fail=true").then().statusCode(409);
        assertThat(count("outbox_event")).isEqualTo(before);
        assertThat(count("fixture_note where text = 'doomed'")).isZero();
    }

    @Test
    void a_row_left_unsent_by_a_crash_between_commit_and_send_is_delivered_by_the_next_relay_pass() {
        // What a crash leaves behind: the transaction committed, but no relay ran and nothing woke one.
        UUID eventId = UUID.randomUUID();
        String aggregate = "crashed-" + UUID.randomUUID();
        insertUnsent(eventId, aggregate, "{\"specversion\":\"1.0\",\"id\":\"" + eventId
                + "\",\"source\":\"/sansho/platform-test\",\"type\":\"t.v1\",\"subject\":\"" + aggregate + "\"}");

        assertThat(awaitRecords(aggregate, 1).get(0).value()).contains(eventId.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(eventId) != null);
    }

    @Test
    void events_of_one_aggregate_reach_the_topic_in_commit_order() {
        String aggregate = "ordered-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            insertUnsent(UUID.randomUUID(), aggregate, "{\"n\":" + i + "}");
        }
        List<Integer> order = awaitRecords(aggregate, 20).stream().map(r -> json(r.value()).get("n").asInt()).toList();
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    }

    private void insertUnsent(UUID eventId, String aggregate, String payload) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp", topic)
                        values (?1, 'note', ?2, 't.v1', cast(?3 as jsonb), ?4, ?5)""")
                .setParameter(1, eventId).setParameter(2, aggregate).setParameter(3, payload)
                .setParameter(4, Instant.now()).setParameter(5, TOPIC)
                .executeUpdate());
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicRecords.forKey(TOPIC, key), records -> records.size() >= count);
    }

    private JsonNode json(String value) {
        try {
            return mapper.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant sentAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select sent_at from outbox_event where id = ?1", Instant.class)
                    .setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : (Instant) rows.get(0);
        });
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
