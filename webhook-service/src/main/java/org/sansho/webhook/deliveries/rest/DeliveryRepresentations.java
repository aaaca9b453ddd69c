package org.sansho.webhook.deliveries.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.deliveries.domain.AttemptOutcome;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of the delivery log and replay API. */
public final class DeliveryRepresentations {

    private DeliveryRepresentations() {
    }

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

    @Schema(description = "A delivery with the body it sends and its attempts, oldest first")
    public record DeliveryDetail(DeliveryView delivery, String body, List<AttemptView> attempts) {
    }

    @Schema(description = "One attempt: when, what the receiver answered, how long it took")
    public record AttemptView(Instant at, Integer statusCode, int latencyMs, AttemptOutcome outcome, String error,
                              @Schema(description = "The first 1,024 bytes of the answer") String responseExcerpt,
                              boolean responseTruncated, boolean replay) {
        public static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptedAt, a.statusCode, a.latencyMs, a.outcome, a.error, a.responseExcerpt,
                    a.responseTruncated, a.replay);
        }
    }

    @Schema(description = "Replay every delivery of the endpoint planned in [from, to)")
    public record ReplayRange(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to) {
    }

    @Schema(description = "How many deliveries were set to be sent again")
    public record Replayed(int deliveries) {
    }
}
