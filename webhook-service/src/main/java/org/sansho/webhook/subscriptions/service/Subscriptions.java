package org.sansho.webhook.subscriptions.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.webhook.WebhookConfig;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.domain.SigningSecret;
import org.sansho.webhook.subscriptions.persistence.EndpointSecret;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An organization's webhook endpoints: subscribe, change, re-enable, rotate the secret, remove. Every change is
 * audited; another organization's endpoint is not found.
 */
@ApplicationScoped
public class Subscriptions {

    static final Duration DEFAULT_OVERLAP = Duration.ofDays(1);

    private final EntityManager em;
    private final SecretVault vault;
    private final AuditTrail audit;
    private final WebhookConfig config;
    private final Clock clock;

    public Subscriptions(EntityManager em, SecretVault vault, AuditTrail audit, WebhookConfig config, Clock clock) {
        this.em = em;
        this.vault = vault;
        this.clock = clock;
        this.audit = audit;
        this.config = config;
    }

    /**
     * The endpoint, if the caller's organization owns it (services see every one); else 404. The tenant filter
     * already hides another organization's row; the check says so once more where the rule is read.
     */
    public WebhookEndpoint visible(UUID id, Caller caller) {
        WebhookEndpoint e = WebhookEndpoint.findById(id);
        if (e == null || !caller.actsFor(e.organizationId)) {
            throw ProblemException.notFound("Webhook endpoint", id);
        }
        return e;
    }

    /** The endpoints of the caller's organization, oldest first. */
    public Page<WebhookEndpoint> list(Caller caller, PageParams page) {
        PanacheQuery<WebhookEndpoint> query = WebhookEndpoint.find("organizationId = ?1 order by createdAt, id",
                caller.requireOrganization());
        return Page.of(query, page, e -> e);
    }

    /** @return the new endpoint with its secret, to be revealed this once */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedSecret subscribe(SubscribeEndpoint command, Caller caller) {
        UUID org = caller.requireOrganization();
        Instant now = now();
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.organizationId = org;
        e.url = address(command.url()).uri().toString();
        e.description = command.description();
        e.eventTypes = eventTypes(command.eventTypes());
        e.enabled = true;
        e.createdAt = now;
        e.updatedAt = now;
        e.persist();
        SigningSecret secret = newSecret(e.id, now);
        audit.record("webhook-endpoint.created", "webhook-endpoint", e.id, List.of(org), null,
                EndpointSnapshot.of(e, null));
        return new IssuedSecret(e, secret.reveal());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEndpoint change(WebhookEndpoint e, ChangeEndpoint change) {
        EndpointSnapshot before = snapshot(e);
        if (change.url() != null) {
            e.url = address(change.url()).uri().toString();
        }
        if (change.description() != null) {
            e.description = change.description();
        }
        if (change.eventTypes() != null) {
            e.eventTypes = eventTypes(change.eventTypes());
        }
        String action = "webhook-endpoint.changed";
        if (Boolean.TRUE.equals(change.enabled()) && !e.enabled) {
            // Re-enabled by its owner: the failure period starts afresh, and what waited is sent in order.
            e.enabled = true;
            e.disabledAt = null;
            e.disabledReason = null;
            e.failingSince = null;
            action = "webhook-endpoint.enabled";
        } else if (Boolean.FALSE.equals(change.enabled()) && e.enabled) {
            e.enabled = false;
            e.disabledAt = now();
            e.disabledReason = "disabled by its owner";
            action = "webhook-endpoint.disabled";
        }
        e.updatedAt = now();
        WebhookEndpoint.getEntityManager().flush();
        audit.record(action, "webhook-endpoint", e.id, List.of(e.organizationId), before, snapshot(e));
        return e;
    }

    /**
     * Removes the endpoint; its secrets, deliveries and their attempts go with it ({@code on delete cascade}).
     *
     * <p>Lock order. Every transaction that writes an endpoint's deliveries locks the endpoint's row first and its
     * deliveries after: the dispatcher's claim takes it {@code for key share skip locked}, the recording of an
     * attempt {@code for no key update}, the planner's insert {@code for key share} (DeliveryLedger,
     * DeliveryPlanner). The delete takes it {@code for update} here, before its cascade locks the delivery rows, so
     * it queues behind the dispatcher's transactions, or they behind it, on that one row, and never holds a delivery
     * row that one of them holds the endpoint for: no lock cycle, no deadlock. A sender holds the row
     * {@code for key share} while it starts a request (DeliveryLedger#whileEndpointPresent), so the removal commits
     * either before an attempt starts, and nothing is sent, or after its request went out; an attempt on the wire
     * finishes and its result is dropped (DeliveryLedger#record). After the commit no claim finds the endpoint.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(WebhookEndpoint e) {
        lock(e, "for update");
        EndpointSnapshot before = snapshot(e);
        e.delete();
        WebhookEndpoint.getEntityManager().flush();
        audit.record("webhook-endpoint.removed", "webhook-endpoint", e.id, List.of(e.organizationId), before, null);
    }

    /**
     * A new current secret; the previous one signs too until the overlap ends (an earlier previous one ends now).
     *
     * @return the endpoint with the new secret, to be revealed this once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedSecret rotate(WebhookEndpoint e, Integer overlapSeconds) {
        // The endpoint before its secrets, as a concurrent removal takes them (see remove).
        lock(e, "for no key update");
        EndpointSnapshot before = snapshot(e);
        Instant now = now();
        Duration overlap = overlapSeconds == null ? DEFAULT_OVERLAP : Duration.ofSeconds(overlapSeconds);
        EndpointSecret.update("expiresAt = ?1 where endpointId = ?2 and expiresAt > ?1", now, e.id);
        EndpointSecret.update("expiresAt = ?1 where endpointId = ?2 and expiresAt is null", now.plus(overlap), e.id);
        SigningSecret secret = newSecret(e.id, now);
        e.updatedAt = now;
        WebhookEndpoint.getEntityManager().flush();
        audit.record("webhook-endpoint.secret-rotated", "webhook-endpoint", e.id, List.of(e.organizationId), before,
                snapshot(e));
        return new IssuedSecret(e, secret.reveal());
    }

    /** The secrets that sign now: the current one first, then a previous one still in its overlap. */
    public List<SigningSecret> signingSecrets(UUID endpointId, Instant at) {
        List<EndpointSecret> rows = EndpointSecret.list(
                "endpointId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc", endpointId, at);
        return rows.stream().map(vault::open).toList();
    }

    /** What the audit trail records of the endpoint now. */
    public EndpointSnapshot snapshot(WebhookEndpoint e) {
        return EndpointSnapshot.of(e, previousSecretExpiry(e));
    }

    /** Until when the previous secret still signs, after a rotation; null when only the current one does. */
    public Instant previousSecretExpiry(WebhookEndpoint e) {
        List<EndpointSecret> previous = EndpointSecret.list(
                "endpointId = ?1 and expiresAt > ?2 order by expiresAt desc", e.id, now());
        return previous.isEmpty() ? null : previous.get(0).expiresAt;
    }

    /**
     * Locks the endpoint's row and reloads it; 404 when a concurrent removal took it first. Native SQL: the id is
     * that of an endpoint this caller was just shown through the tenant filter.
     */
    private void lock(WebhookEndpoint e, String mode) {
        if (em.createNativeQuery("select id from webhook_endpoint where id = ?1 " + mode)
                .setParameter(1, e.id).getResultList().isEmpty()) {
            throw ProblemException.notFound("Webhook endpoint", e.id);
        }
        em.refresh(e);
    }

    private SigningSecret newSecret(UUID endpointId, Instant now) {
        SigningSecret secret = SigningSecret.generate();
        EndpointSecret row = new EndpointSecret();
        row.id = UUID.randomUUID();
        row.endpointId = endpointId;
        row.createdAt = now;
        vault.seal(row, secret);
        row.persist();
        return secret;
    }

    private EndpointAddress address(String url) {
        try {
            return EndpointAddress.parse(url, config.allowLoopback());
        } catch (EndpointAddress.Refused refused) {
            throw ProblemException.badRequest("url", refused.getMessage());
        }
    }

    private static String[] eventTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String t : requested) {
            if (!EventTypePattern.valid(t)) {
                throw ProblemException.badRequest("eventTypes", "not an event type or a pattern ending in .*: "
                        + Objects.toString(t));
            }
            types.add(t);
        }
        return types.toArray(String[]::new);
    }

    private Instant now() {
        return clock.instant();
    }
}
