package org.sansho.assessment.timeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.assessment.timeline.domain.TimelineKind;
import org.sansho.assessment.timeline.service.TimelineProjection;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a contract's timeline, as reads see it; {@link TimelineProjection} writes it from events. Seen from
 * the contract's hospital's side and its vendor's, like the contract itself.
 */
@Immutable
@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "contract_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "vendor_id")
    public UUID vendorId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public TimelineKind kind;

    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode detail;
}
