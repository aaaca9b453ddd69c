package org.sansho.assessment.posture.persistence;

import org.sansho.assessment.posture.service.PostureProjection;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * One contract's row of the posture read model, as reads see it; {@link PostureProjection} writes it (upserts
 * from events). Seen from its hospital's side and its vendor's like the contract itself.
 */
@Immutable
@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "contract_posture")
public class ContractPosture extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "vendor_id")
    public UUID vendorId;

    public String phase;

    public String state;

    public String verdict;

    @Column(name = "open_mandatory_gaps")
    public int openMandatoryGaps;

    @Column(name = "overdue_findings")
    public int overdueFindings;

    public String title;

    @Column(name = "reagreement_pending")
    public boolean reagreementPending;

    @Column(name = "state_changed_at")
    public Instant stateChangedAt;

    @Column(name = "hospital_name_ja")
    public String hospitalNameJa;

    @Column(name = "hospital_name_en")
    public String hospitalNameEn;

    @Column(name = "vendor_name_ja")
    public String vendorNameJa;

    @Column(name = "vendor_name_en")
    public String vendorNameEn;

    @Column(name = "names_at")
    public Instant namesAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
