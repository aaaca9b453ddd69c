package org.sansho.platform.observability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.PrometheusText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class MetricsTest {

    private static final long RELAY_LOCK = 0x5A4E_5348_4F4FL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxMetrics outboxMetrics;

    @Test
    void outbox_lag_is_on_the_metrics_endpoint_and_follows_the_unsent_rows() throws Exception {
        UUID id = UUID.randomUUID();
        // Holding the relay's lock on a connection of our own keeps the row unsent until we let go.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + RELAY_LOCK + ")");
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, "timestamp", topic)
                    values (?, 'metric', ?, 't.v1', cast(? as jsonb), ?, 'platform-test.events')""")) {
                p.setObject(1, id);
                p.setString(2, "metric-" + id);
                p.setString(3, "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/t\",\"type\":\"t.v1\"}");
                p.setTimestamp(4, Timestamp.from(Instant.now().minusSeconds(120)));
                p.executeUpdate();
            }
            outboxMetrics.sample();
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("# TYPE sansho_outbox_unsent gauge");
            assertThat(value(metrics, "sansho_outbox_unsent")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "sansho_outbox_oldest_unsent_age_seconds")).isGreaterThanOrEqualTo(119);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_unlock(" + RELAY_LOCK + ")");
            }
        }
        // Once relayed, the lag drops back to zero.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            outboxMetrics.sample();
            return value(given().get("/q/metrics").asString(), "sansho_outbox_unsent") == 0;
        });
        assertThat(value(given().get("/q/metrics").asString(), "sansho_outbox_oldest_unsent_age_seconds")).isZero();
    }

    static double value(String metrics, String name) {
        return PrometheusText.of(metrics).sum(name)
                .orElseThrow(() -> new AssertionError(name + " is not on /q/metrics"));
    }
}
