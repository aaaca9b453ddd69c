package org.sansho.webhook.subscriptions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A webhook endpoint of one organization, with the event types (patterns) it subscribed. */
@Filter(name = Tenancy.FILTER, condition = WebhookEndpoint.OWNED, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    /** Tenancy: an endpoint is its organization's alone (services and system work see every one). */
    public static final String OWNED = "(:" + Tenancy.ALL_ORGANIZATIONS + " or {alias}.organization_id = :"
            + Tenancy.ORGANIZATION + ")";
    /** Tenancy of the rows that carry only their endpoint's id (secrets, deliveries): seen with their endpoint. */
    public static final String OF_OWNED_ENDPOINT = "(:" + Tenancy.ALL_ORGANIZATIONS
            + " or exists (select 1 from webhook_endpoint te where te.id = {alias}.endpoint_id and te.organization_id = :"
            + Tenancy.ORGANIZATION + "))";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(nullable = false)
    public String url;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "failing_since")
    public Instant failingSince;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
