package org.sansho.webhook.deliveries.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.deliveries.domain.AttemptOutcome;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;

import java.time.Instant;

@Schema(description = "One attempt: when, what the receiver answered, how long it took")
public record AttemptView(Instant at, Integer statusCode, int latencyMs, AttemptOutcome outcome, String error,
                          @Schema(description = "The first 1,024 bytes of the answer") String responseExcerpt,
                          boolean responseTruncated, boolean replay) {
    public static AttemptView of(DeliveryAttempt a) {
        return new AttemptView(a.attemptedAt, a.statusCode, a.latencyMs, a.outcome, a.error, a.responseExcerpt,
                a.responseTruncated, a.replay);
    }
}
