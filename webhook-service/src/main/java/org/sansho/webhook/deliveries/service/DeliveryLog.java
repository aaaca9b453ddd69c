package org.sansho.webhook.deliveries.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.transaction.AfterCommit;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery log of an endpoint and its manual replays. A replay sends a delivery again with the same
 * {@code webhook-id} and body, through the same queue: it is due at once, its retry schedule starts afresh, and it
 * keeps its place among its subject's deliveries (later ones of the same contract wait for it).
 */
@ApplicationScoped
public class DeliveryLog {

    /** At most this many deliveries per range replay: a longer range is replayed in several calls. */
    public static final int MAX_RANGE = 10_000;
    static final int MAX_ATTEMPTS_SHOWN = 100;

    private final EntityManager em;
    private final AuditTrail audit;
    private final TransactionSynchronizationRegistry transactions;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public DeliveryLog(EntityManager em, AuditTrail audit, TransactionSynchronizationRegistry transactions,
                       Dispatcher dispatcher, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    public Page<Delivery> list(WebhookEndpoint endpoint, DeliveryStatus status, Instant from, Instant to,
                                   PageParams page) {
        StringBuilder query = new StringBuilder("endpointId = :e");
        Parameters params = Parameters.with("e", endpoint.id);
        if (status != null) {
            query.append(" and status = :s");
            params.and("s", status);
        }
        if (from != null) {
            query.append(" and createdAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            params.and("to", to);
        }
        return Page.of(Delivery.<Delivery>find(query + " order by createdAt desc, seq desc", params), page, d -> d);
    }

    /** The delivery with its latest {@value #MAX_ATTEMPTS_SHOWN} attempts, oldest first. */
    public DeliveryRecord detail(WebhookEndpoint endpoint, UUID deliveryId) {
        Delivery d = find(endpoint, deliveryId);
        List<DeliveryAttempt> attempts = new ArrayList<>(DeliveryAttempt.<DeliveryAttempt>find(
                "deliveryId = ?1 order by attemptedAt desc", d.id).page(0, MAX_ATTEMPTS_SHOWN).list());
        Collections.reverse(attempts);
        return new DeliveryRecord(d, attempts);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Delivery replay(WebhookEndpoint endpoint, UUID deliveryId) {
        Delivery d = find(endpoint, deliveryId);
        DeliverySnapshot before = DeliverySnapshot.of(d);
        if (d.status != DeliveryStatus.PENDING || d.leasedUntil == null || d.leasedUntil.isBefore(now())) {
            d.status = DeliveryStatus.PENDING;
            d.attempts = 0;
            d.replay = true;
            d.nextAttemptAt = now();
            d.leasedUntil = null;
        }
        audit.record("webhook-delivery.replayed", "webhook-delivery", d.id, List.of(endpoint.organizationId),
                before, DeliverySnapshot.of(d));
        AfterCommit.run(transactions, dispatcher::wake);
        return d;
    }

    /** Replays the deliveries planned in [from, to) that are not in flight; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replayRange(WebhookEndpoint endpoint, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        Instant now = now();
        long inRange = Delivery.count("endpointId = ?1 and createdAt >= ?2 and createdAt < ?3", endpoint.id, from, to);
        if (inRange > MAX_RANGE) {
            throw ProblemException.badRequest("to", "the range holds " + inRange + " deliveries; replay at most "
                    + MAX_RANGE + " at once");
        }
        int replayed = em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, replay = true,
                            next_attempt_at = ?4, leased_until = null
                        where endpoint_id = ?1 and created_at >= ?2 and created_at < ?3
                          and not (status = 'PENDING' and leased_until > ?4)""")
                .setParameter(1, endpoint.id).setParameter(2, from).setParameter(3, to).setParameter(4, now)
                .executeUpdate();
        audit.record("webhook-endpoint.replayed", "webhook-endpoint", endpoint.id, List.of(endpoint.organizationId),
                null, Map.of("from", from.toString(), "to", to.toString(), "deliveries", replayed));
        if (replayed > 0) {
            AfterCommit.run(transactions, dispatcher::wake);
        }
        return replayed;
    }

    private Delivery find(WebhookEndpoint endpoint, UUID deliveryId) {
        Delivery d = Delivery.findById(deliveryId);
        if (d == null || !d.endpointId.equals(endpoint.id)) {
            throw ProblemException.notFound("Delivery", deliveryId);
        }
        return d;
    }

    private Instant now() {
        return clock.instant();
    }
}
