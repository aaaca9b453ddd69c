package org.sansho.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One event's effect and its inbox record in one transaction, retried a bounded number of times on transient
 * failures (each attempt in a fresh transaction); a {@link PoisonEventException} is not retried. The effect runs
 * as system work ({@link Tenancy#system}, named after the consumer): it applies a fact of whichever organizations
 * the event is about.
 */
@ApplicationScoped
class InboxTransaction {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final Clock clock;
    private final AuditTrail audit;

    InboxTransaction(EntityManager em, Clock clock, AuditTrail audit) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
    }

    @Retry(maxRetries = 4, delay = 200, jitter = 100, abortOn = PoisonEventException.class)
    boolean apply(String consumer, CloudEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> applyInCurrent(consumer, event, handler));
    }

    /**
     * Several events' effects and inbox records in one transaction, in their order, not retried: any failure rolls
     * all of them back, and the caller then applies each alone ({@link #apply}). Each event's effect starts with no
     * audit actor bound, as it would in a transaction of its own, and leaves nothing in the persistence context
     * for the next: its changes are flushed and the context cleared after it.
     *
     * @return for each event whether its effect ran (false: processed before)
     */
    List<Boolean> applyAll(String consumer, List<CloudEvent> events, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Boolean> applied = new ArrayList<>(events.size());
            for (CloudEvent event : events) {
                audit.forgetActor();
                applied.add(applyInCurrent(consumer, event, handler));
                // Each event's changes go to the database now and leave the session: the next event's queries
                // would otherwise flush-check every entity of the events before it, a cost that grows with the
                // square of the batch.
                em.flush();
                em.clear();
            }
            return applied;
        });
    }

    private boolean applyInCurrent(String consumer, CloudEvent event, EventHandler handler) {
        int recorded = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, source, processed_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (recorded == 0) {
            LOG.debugf("%s: event %s (%s) was processed before; skipped", consumer, event.id(), event.type());
            return false;
        }
        // An event is a fact about any organization's records: its effect is system work.
        Tenancy.system(consumer, () -> handler.handle(event));
        return true;
    }
}
