package org.sansho.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.observability.TraceContext;
import org.sansho.platform.outbox.OutboxProducer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A consumer of a busy topic receives a whole poll at once ({@link #receiveAll}): the poll's events and their
 * inbox records are applied in one transaction (at most {@link #BATCH_LIMIT} a transaction), which saves a commit
 * and a transaction's fixed costs per event. When that transaction fails, each of its events is applied alone as
 * above, so a poison event costs its batch one rollback and is then given up alone.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** Most events applied in one transaction by {@link #receiveAll}. */
    static final int BATCH_LIMIT = 100;
    /** How long handing a given-up record to its dead-letter topic may take before the whole poll is failed. */
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(10);

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final InboxTransaction transaction;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final OutboxProducer producer;

    public Inbox(EntityManager em, CloudEventCodec codec, InboxTransaction transaction, MeterRegistry meters,
                 Tracer tracer, OutboxProducer producer) {
        this.producer = producer;
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
        return receiveOne(consumer, value, types, handler, Context.current());
    }

    private boolean receiveOne(String consumer, String value, Set<String> types, EventHandler handler,
                               Context parent) {
        Span span = tracer.spanBuilder("inbox " + consumer).setParent(parent).startSpan();
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
            givenUp(consumer, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * A poll's records (a channel with {@code batch=true}), in their order: the events of {@code types} applied
     * in one transaction with their inbox records, at most {@link #BATCH_LIMIT} a transaction. Events processed
     * before change nothing, as with {@link #receive}. When a transaction fails, each of its events is applied
     * alone, with the retries of {@link #receive}; a record that still fails (or cannot be read) is handed to its
     * dead-letter topic ({@code <topic>.dlq}, with the reason in the {@code dead-letter-reason} header) here, so
     * the poll is acknowledged as a whole and the partition keeps moving. Only when that hand-over fails does this
     * throw: the channel's failure strategy then takes the whole poll (the events applied already are redelivered
     * copies there, which change nothing).
     *
     * <p>The effect of each event runs in a span {@code inbox <consumer>} whose parent is the record's
     * {@code traceparent}: the publisher's trace continues here as with single records.
     *
     * @return how many events had their effect
     */
    public int receiveAll(String consumer, ConsumerRecords<String, String> records, Set<String> types,
                          EventHandler handler) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(BATCH_LIMIT);
        int applied = 0;
        for (ConsumerRecord<String, String> record : records) {
            batch.add(record);
            if (batch.size() == BATCH_LIMIT) {
                applied += receiveChunk(consumer, batch, types, handler);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            applied += receiveChunk(consumer, batch, types, handler);
        }
        return applied;
    }

    private int receiveChunk(String consumer, List<ConsumerRecord<String, String>> records, Set<String> types,
                             EventHandler handler) {
        List<CloudEvent> events = new ArrayList<>(records.size());
        Map<CloudEvent, Context> parents = new IdentityHashMap<>();
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event;
            try {
                event = codec.read(record.value());
            } catch (RuntimeException e) {
                givenUp(consumer, e);
                deadLetter(record, e);
                continue;
            }
            if (types != null && !types.contains(event.type())) {
                events(consumer, "ignored").increment();
                continue;
            }
            events.add(event);
            readable.add(record);
            parents.put(event, TraceContext.extract(Context.root(), record.headers()));
        }
        if (events.isEmpty()) {
            return 0;
        }
        EventHandler traced = event -> {
            Span span = tracer.spanBuilder("inbox " + consumer).setParent(parents.get(event)).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                span.setAttribute("messaging.message.id", event.id());
                span.setAttribute("cloudevents.event_type", event.type());
                handler.handle(event);
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
        };
        try {
            List<Boolean> outcomes = transaction.applyAll(consumer, events, traced);
            int applied = 0;
            for (boolean a : outcomes) {
                events(consumer, a ? "processed" : "duplicate").increment();
                applied += a ? 1 : 0;
            }
            return applied;
        } catch (RuntimeException batchFailure) {
            LOG.debugf("%s: a batch of %d events failed (%s); applying each alone", consumer, events.size(),
                    batchFailure.toString());
        }
        int applied = 0;
        for (int i = 0; i < readable.size(); i++) {
            ConsumerRecord<String, String> record = readable.get(i);
            try {
                applied += receiveOne(consumer, record.value(), types, handler, parents.get(events.get(i))) ? 1 : 0;
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        return applied;
    }

    private void givenUp(String consumer, RuntimeException e) {
        events(consumer, "failed").increment();
        Counter.builder("sansho.dlq.events")
                .description("Events the inbox gave up on and handed to the channel's failure strategy "
                        + "(the dead-letter topic)")
                .tag("consumer", consumer).register(meters).increment();
        LOG.warnf("%s: event given up (%s); the channel's failure strategy takes it", consumer, e.toString());
    }

    /** The record as it came, with the reason, on {@code <topic>.dlq} (as the channels' dead-letter strategy does). */
    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
        dead.headers().add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-cause", reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        producer.sendAndWait(dead, DEAD_LETTER_TIMEOUT);
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
