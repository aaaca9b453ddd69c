package org.sansho.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.fixture.FixtureConsumer;
import org.sansho.testsupport.PrometheusText;
import org.sansho.testsupport.TopicRecords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class InboxTest {

    private static final String TOPIC = "platform-test.inbound";
    private static final String DLQ = "platform-test.inbound.dlq";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    EntityManager em;

    @Test
    void a_redelivered_event_has_exactly_one_effect() {
        String subject = "subject-" + UUID.randomUUID();
        String event = event(UUID.randomUUID().toString(), subject, 5);

        send(subject, event);
        send(subject, event);
        send(subject, event);
        String marker = event(UUID.randomUUID().toString(), subject, 1);
        send(subject, marker);

        // The marker is consumed after the three copies (same key, same partition): once it shows, all were seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 6);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> applied(subject) == 6);
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_and_the_partition_keeps_moving() {
        String subject = "poisoned-" + UUID.randomUUID();
        double givenUpBefore = dlqCount();
        send(subject, "{this is not json");
        send(subject, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/x\",\"type\":\""
                + FixtureConsumer.INCREMENT + "\",\"subject\":\"" + subject + "\",\"data\":{\"by\":\"many\"}}");
        send(subject, event(UUID.randomUUID().toString(), subject, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 2);
        List<String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicRecords.forKey(DLQ, subject).stream().map(r -> r.value()).toList(),
                        values -> values.size() >= 2);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0)).isEqualTo("{this is not json");
        assertThat(dead.get(1)).contains("\"many\"");
        assertThat(TopicRecords.forKey(DLQ, subject).get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(dlqCount()).isEqualTo(givenUpBefore + 2);
    }

    @Test
    void an_event_of_a_type_the_consumer_does_not_handle_is_acknowledged_without_a_record() {
        String subject = "other-" + UUID.randomUUID();
        double ignoredBefore = inboxCount("ignored");
        String other = UUID.randomUUID().toString();
        send(subject, event(other, subject, 7).replace(FixtureConsumer.INCREMENT, "org.sansho.fixture.renamed.v1"));
        send(subject, event(UUID.randomUUID().toString(), subject, 1));

        // the increment after it shows (same key, same partition): the other one was passed over, not stuck
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 1);
        assertThat(recorded(other)).as("an inbox record of the ignored event").isFalse();
        assertThat(inboxCount("ignored")).isEqualTo(ignoredBefore + 1);
        assertThat(TopicRecords.forKey(DLQ, subject)).isEmpty();
    }

    private double inboxCount(String outcome) {
        return PrometheusText.of(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("sansho_inbox_events_total", Map.of("consumer", "platform-test.fixture-in", "outcome", outcome))
                .orElse(0);
    }

    private boolean recorded(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from inbox_event where consumer = 'platform-test.fixture-in' and event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty());
    }

    /** What /q/metrics reports as given up (dead-lettered) by this consumer so far. */
    private static double dlqCount() {
        return PrometheusText.of(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("sansho_dlq_events_total", Map.of("consumer", "platform-test.fixture-in")).orElse(0);
    }

    /** Sent as the outbox relay sends: structured-mode CloudEvents with their content type. */
    private void send(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static String event(String id, String subject, int by) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/sansho/test\",\"type\":"
                + "\"" + FixtureConsumer.INCREMENT + "\",\"subject\":\"" + subject + "\",\"datacontenttype\":"
                + "\"application/json\",\"data\":{\"by\":" + by + "}}";
    }

    private int applied(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select applied from fixture_effect where subject = ?1")
                    .setParameter(1, subject).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        });
    }
}
