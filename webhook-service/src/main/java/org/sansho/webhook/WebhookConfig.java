package org.sansho.webhook;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhooks are delivered (application.properties, {@code SANSHO_WEBHOOK_*}). */
@ConfigMapping(prefix = "sansho.webhook")
public interface WebhookConfig {

    /** Base64 of the 32-byte AES key that encrypts the signing secrets at rest. */
    Optional<String> secretsKey();

    /** Whether http:// and loopback endpoints are allowed (tests, the local suite); never private addresses. */
    boolean allowLoopback();

    /** The waits before the second, third … attempt; after the last one fails the delivery is given up. */
    List<Duration> retrySchedule();

    /** How long an endpoint may fail without a success before it is disabled. */
    Duration disableAfter();

    Duration connectTimeout();

    /** How long a receiver has to answer (headers and the start of the body). */
    Duration readTimeout();

    /** Deliveries in flight at once on one instance. */
    int concurrency();

    /** Deliveries in flight at once to one endpoint, so that a slow endpoint cannot take every sender. */
    int perEndpointConcurrency();

    Duration pollInterval();
}
