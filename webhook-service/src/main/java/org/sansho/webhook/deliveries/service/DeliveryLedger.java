package org.sansho.webhook.deliveries.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.tenancy.Tenancy;
import org.sansho.webhook.WebhookConfig;
import org.sansho.webhook.deliveries.domain.AttemptOutcome;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.domain.RetrySchedule;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;
import org.sansho.webhook.events.WebhookEventTypes;
import org.sansho.webhook.events.WebhookPayloads;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;
import org.sansho.webhook.subscriptions.service.EndpointSnapshot;
import org.sansho.webhook.subscriptions.service.Subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatcher's bookkeeping, each step in a transaction of its own: claiming due deliveries, recording an
 * attempt and what follows from it (delivered, the next retry, given up, the endpoint disabled).
 *
 * <p>A claim is a lease: the delivery stays PENDING with {@code leased_until} (and its next attempt) set past the
 * longest an attempt can take. An instance that dies mid-delivery simply lets the lease run out, and the delivery is
 * due again: at least once, with the same {@code webhook-id}, which the receiver deduplicates.
 *
 * <p>Lock order: an endpoint's row before its deliveries' rows, in every transaction here as in the removal of an
 * endpoint (Subscriptions#remove), whose {@code on delete cascade} locks the deliveries after the endpoint. The claim
 * takes the endpoints {@code for key share skip locked} (an endpoint being removed is skipped, never waited for),
 * the start of an attempt {@code for key share} ({@link #whileEndpointPresent}), the recording of an attempt
 * {@code for no key update} (it may set {@code failing_since} or disable it). Before, the recording updated the delivery first and the endpoint after, while a removal held the endpoint
 * and waited for the delivery: PostgreSQL broke that cycle by aborting one of them ("deadlock detected"), and the
 * {@code DELETE} answered 500.
 *
 * <p>The native statements here read every organization's rows on purpose: the dispatcher is system work (its loop
 * round, and {@link #record} on a sender thread, run under {@link Tenancy#system}).
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    /** What a lease adds to the longest attempt: the time to record it. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    static final String ACTOR = "webhook-service.dispatcher";
    static final int ERROR_LENGTH = 500;

    private final EntityManager em;
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final WebhookConfig config;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Clock clock;

    public DeliveryLedger(EntityManager em, Subscriptions subscriptions, Outbox outbox, AuditTrail audit,
                          WebhookConfig config, DeliverySender sender, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.schedule = new RetrySchedule(config.retrySchedule());
        this.lease = sender.maxAttemptTime().plus(LEASE_MARGIN);
    }

    /**
     * Claims at most {@code max} due deliveries: of enabled endpoints, the earliest pending one of each (endpoint,
     * subject), so that one contract's events reach an endpoint in order, and no more per endpoint than its
     * concurrency cap minus what is already in flight to it, so that a slow endpoint cannot take every sender.
     * {@code for update skip locked}: instances never claim the same delivery.
     */
    public List<Claim> claim(int max) {
        if (max <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> candidates = em.createNativeQuery("""
                            with inflight as (
                                select endpoint_id, count(*) as n from webhook_delivery
                                where status = 'PENDING' and leased_until > now()
                                group by endpoint_id),
                            due as (
                                select d.id, d.endpoint_id, d.next_attempt_at, d.seq,
                                    row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.seq) as rn
                                from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                                where d.status = 'PENDING' and d.next_attempt_at <= now() and e.enabled
                                  and not exists (select 1 from webhook_delivery p
                                      where p.endpoint_id = d.endpoint_id and p.subject = d.subject
                                        and p.status = 'PENDING' and p.seq < d.seq))
                            select due.id from due left join inflight i on i.endpoint_id = due.endpoint_id
                            where due.rn <= ?1 - coalesce(i.n, 0)
                            order by due.next_attempt_at, due.seq
                            limit ?2""", UUID.class)
                    .setParameter(1, config.perEndpointConcurrency())
                    .setParameter(2, max)
                    .getResultList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            // The endpoints first (see the lock order above): one that a removal holds is skipped.
            @SuppressWarnings("unchecked")
            List<UUID> endpoints = em.createNativeQuery("""
                            select e.id from webhook_endpoint e
                            where e.id in (select endpoint_id from webhook_delivery where id = any(?1)) and e.enabled
                            order by e.id
                            for key share of e skip locked""", UUID.class)
                    .setParameter(1, candidates.toArray(UUID[]::new))
                    .getResultList();
            if (endpoints.isEmpty()) {
                return List.of();
            }
            @SuppressWarnings("unchecked")
            List<UUID> locked = em.createNativeQuery("""
                            select id from webhook_delivery
                            where id = any(?1) and endpoint_id = any(?2) and status = 'PENDING'
                              and next_attempt_at <= now()
                            order by seq
                            for update skip locked""", UUID.class)
                    .setParameter(1, candidates.toArray(UUID[]::new))
                    .setParameter(2, endpoints.toArray(UUID[]::new))
                    .getResultList();
            Instant now = now();
            Instant until = now.plus(lease);
            List<Claim> claims = new ArrayList<>(locked.size());
            for (UUID id : locked) {
                Delivery d = em.find(Delivery.class, id);
                WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, d.endpointId);
                d.leasedUntil = until;
                d.nextAttemptAt = until;
                claims.add(new Claim(d.id, endpoint.id, endpoint.url, d.eventId, d.body, d.attempts, d.replay,
                        subscriptions.signingSecrets(endpoint.id, now)));
            }
            return claims;
        });
    }

    /**
     * Runs {@code start} (the start of an attempt) while holding the claim's endpoint row {@code for key share}, in
     * a transaction of its own that commits as soon as the request has been handed to the connection (milliseconds;
     * at most the connect timeout and a second): a removal of the endpoint ({@code for update}) commits before, and
     * then the row is gone and nothing is sent ({@code false}), or waits until the request is out. So no attempt
     * starts after a removal committed. The transaction is not held for the answer: a slow receiver keeps no
     * connection of the pool. Key share does not conflict with the other senders' or a change's locks.
     */
    public boolean whileEndpointPresent(Claim claim, Runnable start) {
        return Tenancy.system(ACTOR, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (em.createNativeQuery("select id from webhook_endpoint where id = ?1 for key share")
                    .setParameter(1, claim.endpointId()).getResultList().isEmpty()) {
                return false;
            }
            start.run();
            return true;
        }));
    }

    /**
     * Records an attempt and what follows from it; drops it when the endpoint was removed meanwhile (its deliveries
     * went with it). Runs on a sender thread: system work.
     */
    public void record(Claim claim, AttemptResult result) {
        Tenancy.system(ACTOR, () -> QuarkusTransaction.requiringNew().run(() -> {
            // The endpoint first (see the lock order above); gone when a removal committed meanwhile.
            if (em.createNativeQuery("select id from webhook_endpoint where id = ?1 for no key update")
                    .setParameter(1, claim.endpointId()).getResultList().isEmpty()) {
                return;
            }
            Delivery d = em.find(Delivery.class, claim.deliveryId());
            if (d == null) {
                return;
            }
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.id = UUID.randomUUID();
            attempt.deliveryId = d.id;
            attempt.attemptedAt = result.at();
            attempt.statusCode = result.statusCode();
            attempt.latencyMs = (int) Math.min(Integer.MAX_VALUE, result.latencyMillis());
            attempt.outcome = result.outcome();
            attempt.error = result.error();
            attempt.responseExcerpt = result.responseExcerpt();
            attempt.responseTruncated = result.responseTruncated();
            attempt.replay = claim.replay();
            attempt.persist();

            d.attempts++;
            d.leasedUntil = null;
            d.replay = false;
            d.lastStatus = result.statusCode();
            d.lastError = result.error();
            Instant now = now();
            if (result.outcome() == AttemptOutcome.SUCCEEDED) {
                d.status = DeliveryStatus.DELIVERED;
                d.deliveredAt = now;
                d.nextAttemptAt = now;
                em.createNativeQuery("update webhook_endpoint set failing_since = null "
                                + "where id = ?1 and failing_since is not null")
                        .setParameter(1, claim.endpointId()).executeUpdate();
                return;
            }
            var next = schedule.next(d.attempts, now);
            if (next.isPresent()) {
                d.nextAttemptAt = next.get();
            } else {
                d.status = DeliveryStatus.FAILED;
                d.nextAttemptAt = now;
            }
            em.createNativeQuery("update webhook_endpoint set failing_since = ?2 "
                            + "where id = ?1 and failing_since is null")
                    .setParameter(1, claim.endpointId()).setParameter(2, attempt.attemptedAt).executeUpdate();
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, claim.endpointId());
            em.refresh(endpoint);
            if (result.outcome() == AttemptOutcome.GONE) {
                disable(endpoint, "the receiver answered 410 Gone", now);
            } else if (endpoint.failingSince != null
                    && !endpoint.failingSince.plus(config.disableAfter()).isAfter(now)) {
                disable(endpoint, "failing since " + endpoint.failingSince + " (longer than "
                        + config.disableAfter() + ")", now);
            }
        }));
    }

    /** Disables the endpoint once (a concurrent sender that decided the same changes nothing) and announces it. */
    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        if (!endpoint.enabled) {
            return;
        }
        EndpointSnapshot before = subscriptions.snapshot(endpoint);
        int changed = em.createNativeQuery("""
                        update webhook_endpoint set enabled = false, disabled_at = ?2, disabled_reason = ?3,
                            version = version + 1, updated_at = ?2
                        where id = ?1 and enabled""")
                .setParameter(1, endpoint.id).setParameter(2, now).setParameter(3, reason).executeUpdate();
        if (changed == 0) {
            return;
        }
        em.refresh(endpoint);
        LOG.warnf("Webhook endpoint %s of %s disabled: %s", endpoint.id, endpoint.organizationId, reason);
        audit.actAs(AuditActor.system(ACTOR), null);
        audit.record("webhook-endpoint.disabled", "webhook-endpoint", endpoint.id, List.of(endpoint.organizationId),
                before, subscriptions.snapshot(endpoint));
        outbox.publish(WebhookEventTypes.ENDPOINT_AGGREGATE, endpoint.id.toString(),
                WebhookEventTypes.ENDPOINT_DISABLED, new WebhookPayloads.EndpointDisabled(endpoint.id,
                        endpoint.organizationId, endpoint.url, reason, endpoint.failingSince, now));
    }

    private Instant now() {
        return clock.instant();
    }
}
