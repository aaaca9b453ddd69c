package org.sansho.assessment.events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.testsupport.PrometheusText;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer lag that deploy/ alerts and scales on is on /q/metrics for every consumed channel, per topic and
 * partition, and it follows the consumer: records produced are counted as consumed and the lag goes back to zero.
 */
@QuarkusTest
class ConsumerMetricsTest {

    private static final String CLIENT = "kafka-consumer-contract-events";
    private static final String TOPIC = "contract.events";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void the_lag_of_each_consumed_channel_is_exported_and_returns_to_zero_once_records_are_consumed() {
        // The consumers have joined and fetched: the per-partition lag gauges exist for both consumed channels.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = metrics();
            assertThat(sum(metrics, "kafka_consumer_fetch_manager_records_lag", CLIENT, TOPIC)).isNotNull();
            assertThat(sum(metrics, "kafka_consumer_fetch_manager_records_lag", "kafka-consumer-catalog-events",
                    "catalog.events")).isNotNull();
        });
        Double counted = sum(metrics(), "kafka_consumer_fetch_manager_records_consumed_total", CLIENT, TOPIC);
        double consumedBefore = counted == null ? 0 : counted;

        int events = 20;
        for (int i = 0; i < events; i++) {
            UUID contract = UUID.randomUUID();
            String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), "org.sansho.contract.created.v1",
                    contract.toString(), Map.of("contractId", contract.toString(),
                            "hospitalId", UUID.randomUUID().toString(), "vendorId", UUID.randomUUID().toString(),
                            "state", "DRAFT", "phase", "PRE_CONTRACT"));
            kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, contract.toString(), value))
                    .awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = metrics();
            assertThat(sum(metrics, "kafka_consumer_fetch_manager_records_consumed_total", CLIENT, TOPIC))
                    .isGreaterThanOrEqualTo(consumedBefore + events);
            assertThat(sum(metrics, "kafka_consumer_fetch_manager_records_lag", CLIENT, TOPIC)).isZero();
        });
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a metric over the samples of one client and topic, or null when there is none. */
    private static Double sum(String metrics, String name, String client, String topic) {
        OptionalDouble sum = PrometheusText.of(metrics).sum(name, Map.of("client_id", client, "topic", topic));
        return sum.isPresent() ? sum.getAsDouble() : null;
    }
}
