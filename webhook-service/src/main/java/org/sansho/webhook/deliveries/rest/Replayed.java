package org.sansho.webhook.deliveries.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many deliveries were set to be sent again")
public record Replayed(int deliveries) {
}
