package org.sansho.webhook.subscriptions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.UUID;

/** A signing secret, encrypted; {@code expiresAt} is null for the current one. */
@Filter(name = Tenancy.FILTER, condition = WebhookEndpoint.OF_OWNED_ENDPOINT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "webhook_secret")
public class EndpointSecret extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;
    @Column(nullable = false)
    public byte[] nonce;
    @Column(nullable = false)
    public byte[] ciphertext;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
