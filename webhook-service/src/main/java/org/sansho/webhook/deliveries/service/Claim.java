package org.sansho.webhook.deliveries.service;

import org.sansho.webhook.subscriptions.domain.SigningSecret;

import java.util.List;
import java.util.UUID;

/** A delivery one sender holds until its lease runs out: what to send where, signed with which secrets. */
public record Claim(UUID deliveryId, UUID endpointId, String url, String eventId, String body, int attemptsBefore,
                    boolean replay, List<SigningSecret> secrets) {
}
