package org.sansho.webhook.deliveries.service;

import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;

import java.util.List;

/** A delivery with its latest attempts, oldest first. */
public record DeliveryRecord(Delivery delivery, List<DeliveryAttempt> attempts) {
}
