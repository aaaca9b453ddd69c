package org.sansho.webhook.deliveries.service;

import org.sansho.webhook.deliveries.domain.AttemptOutcome;

import java.time.Instant;

/** What one attempt got: the status (null when no answer came), how long it took, and what the receiver said. */
public record AttemptResult(Instant at, Integer statusCode, long latencyMillis, AttemptOutcome outcome, String error,
                            String responseExcerpt, boolean responseTruncated) {
}
