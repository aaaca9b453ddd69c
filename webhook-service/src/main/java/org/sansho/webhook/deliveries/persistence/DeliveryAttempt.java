package org.sansho.webhook.deliveries.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import org.sansho.webhook.deliveries.domain.AttemptOutcome;

import java.time.Instant;
import java.util.UUID;

@Filter(name = Tenancy.FILTER, condition = Delivery.OF_OWNED_DELIVERY, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "webhook_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "latency_ms")
    public int latencyMs;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptOutcome outcome;
    public String error;
    @Column(name = "response_excerpt")
    public String responseExcerpt;
    @Column(name = "response_truncated")
    public boolean responseTruncated;
    public boolean replay;
}
