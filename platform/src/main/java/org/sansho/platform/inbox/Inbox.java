package org.sansho.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The idempotent-consumer side of every event flow. Each event id is recorded in the same transaction as the
 * event's effect, so a redelivered event (after a crash, a rebalance or a replay) changes nothing.
 *
 * <p>Transient failures (the database away, a lost optimistic-lock race) are retried a bounded number of times,
 * each attempt in a fresh transaction; a {@link PoisonEventException} is not retried. Whatever still fails is
 * thrown to the messaging layer, which nacks the record and, with {@code failure-strategy=dead-letter-queue},
 * moves it to the dead-letter topic so the partition keeps moving.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final CloudEventCodec codec;

    public Inbox(EntityManager em, CloudEventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    /**
     * @param consumer a stable name of the consuming flow, e.g. {@code assessment-service.contract-events}
     * @param value    the record value: a structured-mode CloudEvent
     * @return true when the effect ran, false when the event had been processed before
     */
    @Retry(maxRetries = 4, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    public boolean receive(String consumer, String value, EventHandler handler) {
        CloudEvent event = codec.read(value);
        return QuarkusTransaction.requiringNew().call(() -> {
            int recorded = em.createNativeQuery("""
                            insert into inbox_event (consumer, event_id, event_type, source, processed_at)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, consumer)
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .setParameter(4, event.source())
                    .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MICROS))
                    .executeUpdate();
            if (recorded == 0) {
                LOG.debugf("%s: event %s (%s) was processed before; skipped", consumer, event.id(), event.type());
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    /** Whether the consumer has processed the event; for diagnostics and tests. */
    public boolean processed(String consumer, String eventId) {
        return QuarkusTransaction.joiningExisting().call(() -> !em.createNativeQuery(
                        "select 1 from inbox_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getResultList().isEmpty());
    }
}
