package org.sansho.contract.contracts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Formula;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.RoleSharingChecklist;
import org.sansho.contract.contracts.domain.ResidencyException;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hospital–vendor contract. Its JSON columns (baseline, data categories, SLA, responsibilities) hold immutable values that a change replaces as a whole and never alters in place: mapped as immutable,
 * Hibernate keeps the loaded value itself as the dirty-checking snapshot and compares by equality, instead of
 * copying each column through a JSON round trip on every load and persist.
 *
 * <p>Tenancy: seen from its hospital's side and its vendor's ({@link Tenancy#PARTIES_CONDITION}).
 */
@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    /**
     * The tenancy filter of a row that belongs to a contract by its {@code contract_id}: seen with the contract.
     * The contract is found by its primary key, once per statement for the rows of one contract.
     */
    public static final String OF_VISIBLE_CONTRACT = "(:" + Tenancy.ALL_ORGANIZATIONS
            + " or exists (select 1 from contract tc where tc.id = {alias}.contract_id and (tc.hospital_id = :"
            + Tenancy.HOSPITAL_ORGANIZATION + " or tc.vendor_id = :" + Tenancy.VENDOR_ORGANIZATION + ")))";

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
    @Mutability(Immutability.class)
    public List<VersionRef> baseline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
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

    /** Months of a renewed term; null renews for the length of the term that ended. */
    @Column(name = "renewal_months")
    public Integer renewalMonths;

    /** The end date passed without automatic renewal or termination. */
    @Column(name = "term_expired")
    public boolean termExpired;

    /** The hospital's documented exception to domestic data storage, if any (2省GL 表4-1). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "residency_exception")
    public ResidencyException residencyException;

    /** Missed service levels over the contract's incidents (notification, RTO, RPO), kept by the incident flow. */
    @Column(name = "sla_breaches")
    public int slaBreaches;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public SlaTerms sla;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Responsibility> responsibilities;

    /** The role-sharing checklist the split was last set from; null while no split was set against one. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "responsibility_checklist")
    public RoleSharingChecklist responsibilityChecklist;

    /** When the vendor acknowledged the split as it stands; null when not, or when it changed since. */
    @Column(name = "split_acknowledged_at")
    public Instant splitAcknowledgedAt;

    @Column(name = "split_acknowledged_by")
    public String splitAcknowledgedBy;

    @Enumerated(EnumType.STRING)
    public ContractPhase phase;

    @Enumerated(EnumType.STRING)
    public ContractState state;

    @Enumerated(EnumType.STRING)
    public ContractActivity activity;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    /** Whether any of the contract's re-agreement cases is open (kept by the re-agreement feature). */
    @Column(name = "reagreement_required")
    public boolean reagreementRequired;

    /**
     * Every row of the contract's disclosure package is accepted by the hospital (共通理解, 2省GL §3.2.1). Read from
     * the package (disclosures), never written here; the disclosure service moves the contract's version on when the
     * value changes, so that the contract's ETag still covers its whole representation.
     */
    @Formula("coalesce((select dp.shared_understanding from disclosure_package dp where dp.contract_id = id), false)")
    public boolean disclosureSharedUnderstanding;

    /** The hospital's own reference for the contract (its procurement system's key); unique per hospital, optional. */
    @Column(name = "external_reference")
    public String externalReference;

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
