package org.sansho.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;

import java.util.Set;

/**
 * The idempotent-consumer side of every event flow. Each event id is recorded in the same transaction as the
 * event's effect, so a redelivered event (after a crash, a rebalance or a replay) changes nothing.
 *
 * <p>Transient failures (the database away, a lost optimistic-lock race) are retried a bounded number of times,
 * each attempt in a fresh transaction; a {@link PoisonEventException} is not retried. Whatever still fails is
 * thrown to the messaging layer, which nacks the record and, with {@code failure-strategy=dead-letter-queue},
 * moves it to the dead-letter topic so the partition keeps moving; such events are counted
 * ({@code sansho.dlq.events}).
 *
 * <p>The effect runs in a span {@code inbox <consumer>} under the current context, which the Kafka
 * instrumentation sets from the record's {@code traceparent} header: the publisher's trace continues here.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final InboxTransaction transaction;
    private final MeterRegistry meters;
    private final Tracer tracer;

    public Inbox(EntityManager em, CloudEventCodec codec, InboxTransaction transaction, MeterRegistry meters,
                 Tracer tracer) {
        this.em = em;
        this.codec = codec;
        this.transaction = transaction;
        this.meters = meters;
        this.tracer = tracer;
    }

    /**
     * @param consumer a stable name of the consuming flow, e.g. {@code assessment-service.contract-events}
     * @param value    the record value: a structured-mode CloudEvent
     * @return true when the effect ran, false when the event had been processed before
     */
    public boolean receive(String consumer, String value, EventHandler handler) {
        return receive(consumer, value, null, handler);
    }

    /**
     * The same, for a consumer that handles only {@code types} of the topic's events. An event of another type is
     * acknowledged at once, with no transaction and no inbox record: it changes nothing, so a redelivery of it has
     * nothing to repeat. It is counted ({@code sansho.inbox.events}, outcome {@code ignored}). An unreadable record
     * is still given up as with every event.
     *
     * @param types the CloudEvents types the handler acts on; null for all
     * @return true when the effect ran, false when the event had been processed before or is not of {@code types}
     */
    public boolean receive(String consumer, String value, Set<String> types, EventHandler handler) {
        Span span = tracer.spanBuilder("inbox " + consumer).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CloudEvent event = codec.read(value);
            span.setAttribute("messaging.message.id", event.id());
            span.setAttribute("cloudevents.event_type", event.type());
            if (types != null && !types.contains(event.type())) {
                events(consumer, "ignored").increment();
                return false;
            }
            boolean applied = transaction.apply(consumer, event, handler);
            events(consumer, applied ? "processed" : "duplicate").increment();
            return applied;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            events(consumer, "failed").increment();
            Counter.builder("sansho.dlq.events")
                    .description("Events the inbox gave up on and handed to the channel's failure strategy "
                            + "(the dead-letter topic)")
                    .tag("consumer", consumer).register(meters).increment();
            LOG.warnf("%s: event given up (%s); the channel's failure strategy takes it", consumer, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    private Counter events(String consumer, String outcome) {
        return Counter.builder("sansho.inbox.events").description("Events received through the inbox, by outcome")
                .tag("consumer", consumer).tag("outcome", outcome).register(meters);
    }

    /** Whether the consumer has processed the event; for diagnostics and tests. */
    public boolean processed(String consumer, String eventId) {
        return QuarkusTransaction.joiningExisting().call(() -> !em.createNativeQuery(
                        "select 1 from inbox_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getResultList().isEmpty());
    }
}
