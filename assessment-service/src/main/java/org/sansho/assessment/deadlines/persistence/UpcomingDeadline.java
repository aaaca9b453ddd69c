package org.sansho.assessment.deadlines.persistence;

import org.sansho.assessment.deadlines.service.DeadlineProjection;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;
import org.sansho.platform.tenancy.Tenancy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deadline of the dashboard's projection, as reads see it; {@link DeadlineProjection} writes it (upserts from
 * reminder events).
 *
 * <p>Tenancy: a contract's deadline is seen from its hospital's side and its vendor's; a vendor's certification
 * expiry (no hospital) from the vendor's side, and from the hospital's side of every hospital that holds a
 * contract with that vendor (per the posture read model).
 */
@Immutable
@Filter(name = Tenancy.FILTER, deduceAliasInjectionPoints = false, condition = "(:" + Tenancy.ALL_ORGANIZATIONS
        + " or {alias}.hospital_id = :" + Tenancy.HOSPITAL_ORGANIZATION
        + " or {alias}.vendor_id = :" + Tenancy.VENDOR_ORGANIZATION
        + " or ({alias}.kind = '" + UpcomingDeadline.CERTIFICATION_EXPIRY + "' and exists (select 1 from contract_posture"
        + " dp where dp.hospital_id = :" + Tenancy.HOSPITAL_ORGANIZATION + " and dp.vendor_id = {alias}.vendor_id)))")
@Entity
@Table(name = "upcoming_deadline")
public class UpcomingDeadline extends PanacheEntityBase {

    public static final String CERTIFICATION_EXPIRY = "CERTIFICATION_EXPIRY";

    @Embeddable
    public record Key(@Column(name = "kind") String kind, @Column(name = "subject_id") UUID subjectId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "vendor_id")
    public UUID vendorId;

    public String label;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "threshold_days")
    public Integer thresholdDays;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
