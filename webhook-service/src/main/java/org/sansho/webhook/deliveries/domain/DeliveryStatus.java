package org.sansho.webhook.deliveries.domain;

/** PENDING until a receiver took it (DELIVERED) or the retry schedule ran out (FAILED). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
