package org.sansho.webhook.subscriptions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.webhook.WebhookConfig;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.domain.SigningSecret;
import org.sansho.webhook.subscriptions.persistence.EndpointSecret;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;
import org.sansho.webhook.subscriptions.rest.EndpointChange;
import org.sansho.webhook.subscriptions.rest.EndpointView;
import org.sansho.webhook.subscriptions.rest.NewEndpoint;

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

    private final SecretVault vault;
    private final AuditTrail audit;
    private final WebhookConfig config;
    private final Clock clock;

    public Subscriptions(SecretVault vault, AuditTrail audit, WebhookConfig config, Clock clock) {
        this.vault = vault;
        this.clock = clock;
        this.audit = audit;
        this.config = config;
    }

    /** The endpoint, if the caller's organization owns it (services see every one); else 404. */
    public WebhookEndpoint visible(UUID id, Caller caller) {
        WebhookEndpoint e = WebhookEndpoint.findById(id);
        if (e == null || !caller.actsFor(e.organizationId)) {
            throw ProblemException.notFound("Webhook endpoint", id);
        }
        return e;
    }

    /** @return the endpoint's view with its new secret, revealed this once */
    @Transactional(Transactional.TxType.MANDATORY)
    public EndpointView subscribe(NewEndpoint request, Caller caller) {
        UUID org = caller.requireOrganization();
        Instant now = now();
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.organizationId = org;
        e.url = address(request.url()).uri().toString();
        e.description = request.description();
        e.eventTypes = eventTypes(request.eventTypes());
        e.enabled = true;
        e.createdAt = now;
        e.updatedAt = now;
        e.persist();
        SigningSecret secret = newSecret(e.id, now);
        EndpointView view = EndpointView.of(e, null);
        audit.record("webhook-endpoint.created", "webhook-endpoint", e.id, List.of(org), null, view);
        return view.withSecret(secret.reveal());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EndpointView change(WebhookEndpoint e, EndpointChange change) {
        EndpointView before = view(e);
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
        EndpointView after = view(e);
        audit.record(action, "webhook-endpoint", e.id, List.of(e.organizationId), before, after);
        return after;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(WebhookEndpoint e) {
        EndpointView before = view(e);
        e.delete();
        audit.record("webhook-endpoint.removed", "webhook-endpoint", e.id, List.of(e.organizationId), before, null);
    }

    /**
     * A new current secret; the previous one signs too until the overlap ends (an earlier previous one ends now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EndpointView rotate(WebhookEndpoint e, Integer overlapSeconds) {
        EndpointView before = view(e);
        Instant now = now();
        Duration overlap = overlapSeconds == null ? DEFAULT_OVERLAP : Duration.ofSeconds(overlapSeconds);
        EndpointSecret.update("expiresAt = ?1 where endpointId = ?2 and expiresAt > ?1", now, e.id);
        EndpointSecret.update("expiresAt = ?1 where endpointId = ?2 and expiresAt is null", now.plus(overlap), e.id);
        SigningSecret secret = newSecret(e.id, now);
        e.updatedAt = now;
        WebhookEndpoint.getEntityManager().flush();
        EndpointView after = view(e);
        audit.record("webhook-endpoint.secret-rotated", "webhook-endpoint", e.id, List.of(e.organizationId), before,
                after);
        return after.withSecret(secret.reveal());
    }

    /** The secrets that sign now: the current one first, then a previous one still in its overlap. */
    public List<SigningSecret> signingSecrets(UUID endpointId, Instant at) {
        List<EndpointSecret> rows = EndpointSecret.list(
                "endpointId = ?1 and (expiresAt is null or expiresAt > ?2) order by createdAt desc", endpointId, at);
        return rows.stream().map(vault::open).toList();
    }

    public EndpointView view(WebhookEndpoint e) {
        return EndpointView.of(e, previousSecretExpiry(e.id));
    }

    private Instant previousSecretExpiry(UUID endpointId) {
        List<EndpointSecret> previous = EndpointSecret.list(
                "endpointId = ?1 and expiresAt > ?2 order by expiresAt desc", endpointId, now());
        return previous.isEmpty() ? null : previous.get(0).expiresAt;
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
