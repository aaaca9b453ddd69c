package org.sansho.assessment.stream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class StreamTest {

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_subscriber_receives_its_own_organizations_events_and_no_others() throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (Subscriber subscriber = subscribe(hospital)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                send(other, UUID.randomUUID(), UUID.randomUUID());
                send(contract, hospital, vendor);
                return subscriber.received(contract);
            });
            assertThat(subscriber.lines()).noneMatch(l -> l.contains(other.toString()));
            assertThat(subscriber.lines())
                    .anyMatch(l -> l.startsWith("data:") && l.contains("org.sansho.contract.created.v1"));
        }
    }

    @Test
    void a_burst_of_events_reaches_the_subscriber_whole() throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        try (Subscriber subscriber = subscribe(hospital)) {
            UUID probe = UUID.randomUUID();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                send(probe, hospital, vendor);
                return subscriber.received(probe);
            });
            // 500 facts in one go: more than a subscriber that writes one event at a time asks for at once
            List<UUID> burst = java.util.stream.Stream.generate(UUID::randomUUID).limit(500).toList();
            kafka.produceStrings().fromRecords(burst.stream().map(c -> new ProducerRecord<>("contract.events",
                    c.toString(), event(c, hospital, vendor))).toList()).awaitCompletion();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(burst).allMatch(subscriber::received));
        }
    }

    /** A hospital's procurement subscribed to the stream, its lines collected as they come. */
    private record Subscriber(CompletableFuture<?> subscription, List<String> lines) implements AutoCloseable {
        boolean received(UUID contract) {
            return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(contract.toString()));
        }

        @Override
        public void close() {
            subscription.cancel(true);
        }
    }

    private Subscriber subscribe(UUID hospital) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        var subscription = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + TestTokens.token(Roles.PROCUREMENT, hospital))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = subscription.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return new Subscriber(subscription, lines);
    }

    private void send(UUID contract, UUID hospital, UUID vendor) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", contract.toString(),
                event(contract, hospital, vendor))).awaitCompletion();
    }

    private static String event(UUID contract, UUID hospital, UUID vendor) {
        return Fixtures.cloudEvent(UUID.randomUUID().toString(), "org.sansho.contract.created.v1",
                contract.toString(), Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                        "vendorId", vendor.toString(), "state", "DRAFT", "phase", "PRE_CONTRACT"));
    }
}
