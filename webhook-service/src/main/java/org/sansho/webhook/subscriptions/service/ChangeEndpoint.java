package org.sansho.webhook.subscriptions.service;

import java.util.List;

/**
 * Change a subscription; a null field stays as it is. {@code enabled} true re-enables an endpoint that was disabled,
 * false disables it.
 */
public record ChangeEndpoint(String url, String description, List<String> eventTypes, Boolean enabled) {
}
