package org.sansho.webhook.subscriptions.service;

import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the audit trail digests of an endpoint before and after a change: the feature's own record of its state
 * (never a secret), independent of the API's view, so that a change of the API does not change what the chain hashes.
 */
public record EndpointSnapshot(UUID id, UUID organizationId, String url, String description, List<String> eventTypes,
                               boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince,
                               Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt, long version) {

    public static EndpointSnapshot of(WebhookEndpoint e, Instant previousSecretExpiresAt) {
        return new EndpointSnapshot(e.id, e.organizationId, e.url, e.description, List.of(e.eventTypes), e.enabled,
                e.disabledReason, e.disabledAt, e.failingSince, previousSecretExpiresAt, e.createdAt, e.updatedAt,
                e.version);
    }
}
