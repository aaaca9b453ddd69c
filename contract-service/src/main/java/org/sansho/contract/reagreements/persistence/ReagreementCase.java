package org.sansho.contract.reagreements.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.reagreements.domain.ReagreementTrigger;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One renewal of a contract's agreement (合意の維持, 2省GL §3.2.2): why it was opened, what changed, by when it is
 * expected, and each side's consent. Seen with its contract ({@link Contract#OF_VISIBLE_CONTRACT}).
 */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "reagreement_case")
public class ReagreementCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contract_id")
    public UUID contractId;

    @Enumerated(EnumType.STRING)
    public ReagreementTrigger trigger;

    @Column(name = "superseded_guideline")
    public String supersededGuideline;

    @Column(name = "superseded_version")
    public String supersededVersion;

    @Column(name = "by_guideline")
    public String byGuideline;

    @Column(name = "by_version")
    public String byVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "added_keys")
    public List<String> addedKeys;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "changed_keys")
    public List<String> changedKeys;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "removed_keys")
    public List<String> removedKeys;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "amended_fields")
    public List<String> amendedFields;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "hospital_consent_by")
    public String hospitalConsentBy;

    @Column(name = "hospital_consent_at")
    public Instant hospitalConsentAt;

    @Column(name = "vendor_consent_by")
    public String vendorConsentBy;

    @Column(name = "vendor_consent_at")
    public Instant vendorConsentAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public boolean open() {
        return closedAt == null;
    }

    public VersionRef superseded() {
        return supersededGuideline == null ? null : new VersionRef(supersededGuideline, supersededVersion);
    }

    public VersionRef by() {
        return byGuideline == null ? null : new VersionRef(byGuideline, byVersion);
    }

    /** Open cases of the contract whose due date has passed by {@code today}. */
    public static long overdue(UUID contractId, LocalDate today) {
        return count("contractId = ?1 and closedAt is null and dueOn < ?2", contractId, today);
    }

    public static boolean anyOpen(UUID contractId) {
        return count("contractId = ?1 and closedAt is null", contractId) > 0;
    }
}
