package org.sansho.webhook.deliveries.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.deliveries.service.DeliveryRecord;

import java.util.List;

@Schema(description = "A delivery with the body it sends and its attempts, oldest first")
public record DeliveryDetail(DeliveryView delivery, String body, List<AttemptView> attempts) {
    public static DeliveryDetail of(DeliveryRecord r) {
        return new DeliveryDetail(DeliveryView.of(r.delivery()), r.delivery().body,
                r.attempts().stream().map(AttemptView::of).toList());
    }
}
