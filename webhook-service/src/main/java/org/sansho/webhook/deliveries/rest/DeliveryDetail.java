package org.sansho.webhook.deliveries.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A delivery with the body it sends and its attempts, oldest first")
public record DeliveryDetail(DeliveryView delivery, String body, List<AttemptView> attempts) {
}
