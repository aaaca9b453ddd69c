package org.sansho.webhook.deliveries.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.persistence.Delivery;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "One event for one endpoint: where its delivery stands")
public record DeliveryView(UUID id, UUID endpointId,
                           @Schema(description = "The CloudEvent id, sent as webhook-id on every attempt")
                           String eventId, String eventType,
                           @Schema(description = "The contract, organization or guideline the event is about")
                           String subject, Instant eventTime, DeliveryStatus status,
                           @Schema(description = "Attempts since it was planned or last replayed") int attempts,
                           Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                           Instant deliveredAt) {
    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.endpointId, d.eventId, d.eventType, d.subject, d.eventTime, d.status,
                d.attempts, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastStatus,
                d.lastError, d.createdAt, d.deliveredAt);
    }
}
