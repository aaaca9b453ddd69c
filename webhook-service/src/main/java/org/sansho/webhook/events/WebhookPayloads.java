package org.sansho.webhook.events;

import org.sansho.platform.events.DataSchema;

import java.time.Instant;
import java.util.UUID;

/** Payloads of the events this service publishes. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** Keyed by the endpoint id; {@code organizationId} is the subscriber. */
    @DataSchema("WebhookEndpointDisabledV1")
    public record EndpointDisabled(UUID endpointId, UUID organizationId, String url, String reason,
                                   Instant failingSince, Instant disabledAt) {
    }
}
