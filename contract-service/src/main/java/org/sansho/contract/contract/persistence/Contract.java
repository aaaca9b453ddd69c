package org.sansho.contract.contract.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.contract.contract.domain.ContractActivity;
import org.sansho.contract.contract.domain.ContractPhase;
import org.sansho.contract.contract.domain.ContractState;
import org.sansho.contract.contract.domain.DataCategory;
import org.sansho.contract.contract.domain.ReagreementNeed;
import org.sansho.contract.contract.domain.Responsibility;
import org.sansho.contract.contract.domain.SlaTerms;
import org.sansho.contract.contract.domain.VersionRef;
import org.sansho.contract.organization.domain.ServiceModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "vendor_id")
    public UUID vendorId;

    @Column(name = "service_id")
    public UUID serviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_model")
    public ServiceModel serviceModel;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<VersionRef> baseline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_categories")
    public List<DataCategory> dataCategories;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "auto_renewal")
    public boolean autoRenewal;

    @Column(name = "hospital_notice_days")
    public int hospitalNoticeDays;

    @Column(name = "vendor_notice_days")
    public int vendorNoticeDays;

    @Column(name = "notice_deadline")
    public LocalDate noticeDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    public SlaTerms sla;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Responsibility> responsibilities;

    @Enumerated(EnumType.STRING)
    public ContractPhase phase;

    @Enumerated(EnumType.STRING)
    public ContractState state;

    @Enumerated(EnumType.STRING)
    public ContractActivity activity;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReagreementNeed> reagreement;

    @Column(name = "reagreement_required")
    public boolean reagreementRequired;

    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
