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
import org.sansho.platform.fixture.FixtureBatchConsumer;
import org.sansho.platform.fixture.FixtureConsumer;
import org.sansho.testsupport.PrometheusText;
import org.sansho.testsupport.TopicRecords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer that receives a poll at a time ({@link Inbox#receiveAll}): the same guarantees as one at a time. */
@QuarkusTest
class BatchInboxTest {

    private static final String TOPIC = "platform-test.inbound-batch";
    private static final String DLQ = "platform-test.inbound-batch.dlq";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    EntityManager em;

    @Test
    void a_poll_of_events_and_their_copies_has_each_effect_exactly_once() {
        String subject = "batch-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        String repeated = event(UUID.randomUUID().toString(), subject, 1000);
        records.add(record(subject, repeated));
        for (int i = 0; i < 150; i++) {
            records.add(record(subject, event(UUID.randomUUID().toString(), subject, 1)));
        }
        records.add(record(subject, repeated));
        double processedBefore = inboxCount("processed");
        double duplicatesBefore = inboxCount("duplicate");

        // sent at once: the consumer receives them in polls of many, more than one transaction's worth
        kafka.produceStrings().fromRecords(records).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 1150);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> applied(subject) == 1150);
        assertThat(inboxCount("processed")).isEqualTo(processedBefore + 151);
        assertThat(inboxCount("duplicate")).isEqualTo(duplicatesBefore + 1);
        assertThat(TopicRecords.forKey(DLQ, subject)).isEmpty();
    }

    @Test
    void a_poison_event_in_a_poll_goes_alone_to_the_dead_letter_topic_and_the_others_take_effect_in_order() {
        String subject = "batch-poisoned-" + UUID.randomUUID();
        double givenUpBefore = dlqCount();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(record(subject, event(UUID.randomUUID().toString(), subject, 2)));
        records.add(record(subject, "{this is not json"));
        String negative = event(UUID.randomUUID().toString(), subject, -5);
        records.add(record(subject, negative));
        records.add(record(subject, event(UUID.randomUUID().toString(), subject, 3)));

        kafka.produceStrings().fromRecords(records).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(subject) == 5);
        List<String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicRecords.forKey(DLQ, subject).stream().map(r -> r.value()).toList(),
                        values -> values.size() >= 2);
        assertThat(dead).containsExactly("{this is not json", negative);
        assertThat(TopicRecords.forKey(DLQ, subject).get(1).headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(dlqCount()).isEqualTo(givenUpBefore + 2);
        assertThat(recorded(negative)).as("an inbox record of the poison event").isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> applied(subject) == 5);
    }

    private static ProducerRecord<String, String> record(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String event(String id, String subject, int by) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/sansho/test\",\"type\":"
                + "\"" + FixtureConsumer.INCREMENT + "\",\"subject\":\"" + subject + "\",\"datacontenttype\":"
                + "\"application/json\",\"data\":{\"by\":" + by + "}}";
    }

    private boolean recorded(String event) {
        String id = event.substring(event.indexOf("\"id\":\"") + 6, event.indexOf("\",\"source\""));
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from inbox_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, FixtureBatchConsumer.CONSUMER).setParameter(2, id).getResultList().isEmpty());
    }

    private static double inboxCount(String outcome) {
        return PrometheusText.of(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("sansho_inbox_events_total", Map.of("consumer", FixtureBatchConsumer.CONSUMER, "outcome",
                        outcome)).orElse(0);
    }

    private static double dlqCount() {
        return PrometheusText.of(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("sansho_dlq_events_total", Map.of("consumer", FixtureBatchConsumer.CONSUMER)).orElse(0);
    }

    private int applied(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select applied from fixture_effect where subject = ?1")
                    .setParameter(1, subject).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        });
    }
}
