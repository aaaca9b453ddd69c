package org.sansho.webhook.subscriptions.service;

import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

/** An endpoint with the signing secret just generated for it, to be revealed this once. */
public record IssuedSecret(WebhookEndpoint endpoint, String secret) {
}
