package org.sansho.assessment.findings.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.findings.domain.RiskTreatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A nonconformity with its risk rating, treatment, owner and due date, and its remediation or acceptance. */
@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "requirement_key", nullable = false)
    public String requirementKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Obligation obligation;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;
    @Column(name = "vendor_id", nullable = false)
    public UUID vendorId;
    public String title;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(nullable = false)
    public int likelihood;
    @Column(name = "impact_c", nullable = false)
    public int impactC;
    @Column(name = "impact_i", nullable = false)
    public int impactI;
    @Column(name = "impact_a", nullable = false)
    public int impactA;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskTreatment treatment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> measures = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    public String approver;
    public String justification;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "overdue_notified_at")
    public Instant overdueNotifiedAt;
    @Column(name = "expiry_notified")
    public Integer expiryNotified;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
