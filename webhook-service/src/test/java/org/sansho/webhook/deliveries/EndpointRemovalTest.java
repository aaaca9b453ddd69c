package org.sansho.webhook.deliveries;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sansho.webhook.Fixtures;
import org.sansho.webhook.Fixtures.Subscribed;
import org.sansho.webhook.Receiver;
import org.sansho.webhook.Receiver.Received;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.webhook.Fixtures.as;
import static org.sansho.webhook.Fixtures.contractEvent;
import static org.sansho.webhook.Fixtures.subscribe;

/**
 * Removing an endpoint while the dispatcher sends, records and retries its deliveries, on the real PostgreSQL: the
 * removal and the dispatcher's transactions lock the endpoint's row before its deliveries' rows, so they never
 * deadlock; the {@code DELETE} answers 204, nothing of the endpoint is left, and no attempt reaches the receiver
 * after the removal committed.
 */
@QuarkusTest
class EndpointRemovalTest {

    /** Endpoints removed at once per round; each has as many deliveries in flight as it may (4). */
    private static final int ENDPOINTS = 4;
    private static final int ROUNDS = 3;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void removeEndpoints() {
        Fixtures.removeSubscriptions();
    }

    @Test
    void removing_endpoints_while_their_deliveries_are_sent_and_recorded_answers_204_and_leaves_nothing()
            throws Exception {
        ExecutorService deleters = Executors.newFixedThreadPool(ENDPOINTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                removeWhileRecording(deleters);
            }
        } finally {
            deleters.shutdownNow();
        }
    }

    private void removeWhileRecording(ExecutorService deleters) throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        // Slow receivers that fail: every answer (a 500 after 300 ms, within the read timeout) makes the dispatcher
        // record a failed attempt, which updates the endpoint (failing_since), and retry it 200 ms later; so the
        // dispatcher keeps locking these deliveries and endpoints while they are removed.
        List<Receiver> receivers = new ArrayList<>();
        List<Subscribed> endpoints = new ArrayList<>();
        try {
            for (int i = 0; i < ENDPOINTS; i++) {
                Receiver r = Receiver.start(call -> {
                    Thread.sleep(300);
                    return 500;
                });
                receivers.add(r);
                Subscribed s = subscribe("procurement", hospital, r.url(), "org.sansho.contract.*");
                r.verifyWith(s.secret());
                endpoints.add(s);
            }
            // Eight contracts, two events each: more than the four that may be in flight per endpoint.
            for (int c = 0; c < 8; c++) {
                UUID contract = UUID.randomUUID();
                contractEvent(kafka, "org.sansho.contract.created.v1", contract, hospital, vendor);
                contractEvent(kafka, "org.sansho.contract.amended.v1", contract, hospital, vendor);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivers)
                    .allSatisfy(r -> assertThat(r.calls()).as("attempts").isGreaterThanOrEqualTo(6)));

            // All four removed at once, while attempts are in flight and being recorded.
            List<Future<Removal>> removals = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (Subscribed s : endpoints) {
                removals.add(deleters.submit(() -> {
                    start.await();
                    int status = as("procurement", hospital).delete("/api/v1/endpoints/" + s.id()).then()
                            .extract().statusCode();
                    return new Removal(s.id(), status, Instant.now());
                }));
            }
            start.countDown();
            List<Removal> done = new ArrayList<>();
            for (Future<Removal> f : removals) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(done).extracting(Removal::status).as("DELETE while delivering").containsOnly(204);

            // Longer than a retry (200 ms) and a poll: whatever the dispatcher would still send has arrived.
            Thread.sleep(1_500);
            for (int i = 0; i < ENDPOINTS; i++) {
                Removal removal = done.get(i);
                Receiver receiver = receivers.get(i);
                assertThat(receiver.all()).extracting(Received::arrived).as("attempts after the removal")
                        .allSatisfy(arrived -> assertThat(arrived).isBefore(removal.answeredAt()));
                assertThat(receiver.calls()).isEqualTo(receiver.all().size());
                as("procurement", hospital).get("/api/v1/endpoints/" + removal.endpoint()).then().statusCode(404);
                assertThat(count("select count(*) from webhook_endpoint where id = ?", removal.endpoint())).isZero();
                assertThat(count("select count(*) from webhook_secret where endpoint_id = ?", removal.endpoint()))
                        .isZero();
                assertThat(count("select count(*) from webhook_delivery where endpoint_id = ?", removal.endpoint()))
                        .isZero();
            }
            assertThat(count("select count(*) from webhook_attempt a where not exists "
                    + "(select 1 from webhook_delivery d where d.id = a.delivery_id)", null)).isZero();
        } finally {
            receivers.forEach(Receiver::close);
        }
    }

    private record Removal(UUID endpoint, int status, Instant answeredAt) {
    }

    private long count(String sql, UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setObject(1, id);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
