package org.sansho.platform.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.platform.fixture.FixtureNotesConsumer;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request's trace continues through the outbox, the relay's Kafka record and the consumer's inbox: the span in
 * which the consumer applies the event belongs to the trace of the HTTP request that published it.
 */
@QuarkusTest
class TracePropagationTest {

    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @Test
    void the_consumer_continues_the_trace_of_the_request_that_published_the_event() {
        String noteId = given().auth().oauth2(TestTokens.token("procurement", UUID.randomUUID()))
                .header(RequestIdFilter.HEADER, "req-trace-1")
                .contentType("application/json")
                .body("{\"text\":\"traced\",\"colour\":\"GREEN\",\"priority\":2}")
                .post("/fixture/notes").then().statusCode(201)
                .header(RequestIdFilter.HEADER, "req-trace-1")
                .extract().path("id");

        // The outbox row carries the trace context of the request's transaction.
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select cast(id as varchar), traceparent from outbox_event where aggregateid = ?1")
                .setParameter(1, noteId).getSingleResult());
        String eventId = (String) row[0];
        String traceparent = (String) row[1];
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];

        SpanData server = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).findFirst(),
                Optional::isPresent).get();
        assertThat(server.getName()).contains("/fixture/notes");

        // The relay's record carries it as the W3C header.
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(15))
                .until(() -> TopicRecords.forKey("platform-test.events", noteId), r -> !r.isEmpty()).get(0);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);

        // The consumer's inbox span is in the publisher's trace.
        SpanData inbox = await().atMost(Duration.ofSeconds(20)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals("inbox " + FixtureNotesConsumer.CONSUMER))
                        .filter(s -> eventId.equals(s.getAttributes().get(MESSAGE_ID))).findFirst(),
                Optional::isPresent).get();
        assertThat(inbox.getTraceId()).isEqualTo(traceId);
        assertThat(inbox.getParentSpanContext().isValid()).isTrue();
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId)).toList();
        assertThat(trace).extracting(SpanData::getName).contains(server.getName(), inbox.getName());
    }
}
