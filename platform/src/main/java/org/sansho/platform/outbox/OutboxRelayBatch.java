package org.sansho.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.hibernate.jpa.HibernateHints;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.observability.TraceContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One relay step in one transaction: lock, read unsent rows in commit order, send, wait for acks, mark sent. */
@ApplicationScoped
public class OutboxRelayBatch {

    /** Advisory-lock key shared by every instance of a service: only one relays at a time. */
    private static final long RELAY_LOCK = 0x5A4E_5348_4F4FL;

    private final EntityManager em;
    private final OutboxProducer producer;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxRelayBatch(EntityManager em, OutboxProducer producer, OutboxConfig config, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.producer = producer;
        this.config = config;
    }

    /**
     * @return how many rows were published; 0 when none was waiting or another instance holds the relay lock
     */
    @Transactional
    public int relayOnce() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        // Read-only: the rows are sent and marked by one statement below, never changed through the session.
        List<OutboxEvent> rows = em.createQuery(
                        "from OutboxEvent where sentAt is null order by seq", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(row.topic, row.aggregateId, row.payload);
            record.headers().add(new RecordHeader("content-type",
                    CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("ce_type", row.type.getBytes(StandardCharsets.UTF_8)));
            if (row.traceparent != null) {
                new TraceContext(row.traceparent, row.tracestate).addTo(record.headers());
            }
            acks.add(producer.send(record));
        }
        producer.flush();
        awaitAll(acks);
        // One statement text for every batch size: an "in (:ids)" list is a new statement (and a new query
        // translation) for each length, and the relay runs after every commit that wrote an event.
        em.createNativeQuery("update outbox_event set sent_at = ?1 where id = any(?2)")
                .setParameter(1, clock.instant())
                .setParameter(2, rows.stream().map(r -> r.id).toArray(UUID[]::new))
                .executeUpdate();
        return rows.size();
    }

    /** Relayed rows are kept for a while for diagnosis, then purged. */
    @Scheduled(every = "${sansho.outbox.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeRelayed() {
        em.createQuery("delete from OutboxEvent where sentAt is not null and sentAt < :before")
                .setParameter("before", clock.instant().minus(config.retention()))
                .executeUpdate();
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
            } catch (ExecutionException | TimeoutException e) {
                // Nothing is marked sent: the whole batch is sent again later and consumers drop the duplicates.
                producer.reset();
                throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
            }
        }
    }
}
