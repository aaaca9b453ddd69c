package org.sansho.webhook.deliveries.service;

import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.persistence.Delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * What the audit trail digests of a delivery before and after a replay: the feature's own record of where it stands
 * (not its body), independent of the API's view, so that a change of the API does not change what the chain hashes.
 */
public record DeliverySnapshot(UUID id, UUID endpointId, String eventId, String eventType, String subject,
                               Instant eventTime, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                               Instant leasedUntil, boolean replay, Integer lastStatus, String lastError,
                               Instant createdAt, Instant deliveredAt) {

    public static DeliverySnapshot of(Delivery d) {
        return new DeliverySnapshot(d.id, d.endpointId, d.eventId, d.eventType, d.subject, d.eventTime, d.status,
                d.attempts, d.nextAttemptAt, d.leasedUntil, d.replay, d.lastStatus, d.lastError, d.createdAt,
                d.deliveredAt);
    }
}
