package org.sansho.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in (or already relayed from) the transactional outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    /** The complete structured CloudEvent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "\"timestamp\"", nullable = false)
    public Instant timestamp;

    @Column(nullable = false)
    public String topic;

    /** Commit order; the relay publishes in this order. Assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** W3C trace context of the publishing transaction; null when nothing was traced. */
    public String traceparent;

    public String tracestate;
}
