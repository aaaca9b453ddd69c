package org.sansho.webhook.subscriptions.service;

import java.util.List;

/** Subscribe an endpoint of the caller's organization: where to send which events. */
public record SubscribeEndpoint(String url, String description, List<String> eventTypes) {
}
