package org.sansho.webhook.events;

/** The event types this service publishes (on {@value #TOPIC}) and the topics it consumes. */
public final class WebhookEventTypes {

    public static final String TOPIC = "webhook.events";
    public static final String ENDPOINT_AGGREGATE = "webhook-endpoint";
    /** An endpoint was disabled after failing for the configured period, or because it answered 410 Gone. */
    public static final String ENDPOINT_DISABLED = "org.sansho.webhook.endpoint.disabled.v1";
    public static final String[] PUBLISHED = {ENDPOINT_DISABLED};

    private WebhookEventTypes() {
    }
}
