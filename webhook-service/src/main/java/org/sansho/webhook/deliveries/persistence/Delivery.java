package org.sansho.webhook.deliveries.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;
import org.sansho.platform.tenancy.Tenancy;
import org.hibernate.annotations.Generated;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint: the body as that subscriber may see it, and where its delivery stands. */
@Filter(name = Tenancy.FILTER, condition = WebhookEndpoint.OF_OWNED_ENDPOINT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {

    /** Tenancy of an attempt: seen with its delivery, that is with the delivery's endpoint. */
    public static final String OF_OWNED_DELIVERY = "(:" + Tenancy.ALL_ORGANIZATIONS
            + " or exists (select 1 from webhook_delivery td join webhook_endpoint te on te.id = td.endpoint_id"
            + " where td.id = {alias}.delivery_id and te.organization_id = :" + Tenancy.ORGANIZATION + "))";

    @Id
    public UUID id;
    /** Insertion order; deliveries of one subject to one endpoint go out in this order. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;
    /** The CloudEvent id, sent as {@code webhook-id}. */
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    /** The CloudEvent subject: the contract (or organization, guideline) the event is about. */
    @Column(nullable = false)
    public String subject;
    @Column(name = "event_time")
    public Instant eventTime;
    @Column(nullable = false)
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "leased_until")
    public Instant leasedUntil;
    public boolean replay;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
