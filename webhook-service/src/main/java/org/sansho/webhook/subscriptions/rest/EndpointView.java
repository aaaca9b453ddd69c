package org.sansho.webhook.subscriptions.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A subscription. secret is present only in the answer that created or rotated it")
public record EndpointView(UUID id, UUID organizationId, String url, String description, List<String> eventTypes,
                           boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince,
                           Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt, long version,
                           @Schema(description = "whsec_… — shown once; store it to verify the signatures")
                           String secret) {

    public static EndpointView of(WebhookEndpoint e, Instant previousSecretExpiresAt) {
        return new EndpointView(e.id, e.organizationId, e.url, e.description, List.of(e.eventTypes), e.enabled,
                e.disabledReason, e.disabledAt, e.failingSince, previousSecretExpiresAt, e.createdAt,
                e.updatedAt, e.version, null);
    }

    public EndpointView withSecret(String revealed) {
        return new EndpointView(id, organizationId, url, description, eventTypes, enabled, disabledReason,
                disabledAt, failingSince, previousSecretExpiresAt, createdAt, updatedAt, version, revealed);
    }
}
