package org.sansho.contract.contracts.persistence;

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
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.domain.ServiceLevelCheck;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident harming confidentiality, integrity or availability, and its crisis response (2省GL §3.2). */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    /** One entry of the incident's timeline. */
    public record TimelineEntry(String at, String what) {
    }

    @Id
    public UUID id;

    @Column(name = "contract_id")
    public UUID contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_by_party")
    public ResponsibleParty reportedByParty;

    @Column(name = "reported_by")
    public String reportedBy;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cia_impact")
    public List<String> ciaImpact;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "notified_within_sla")
    public Boolean notifiedWithinSla;

    /** When the service was restored. */
    @Column(name = "restored_at")
    public Instant restoredAt;

    /** Minutes of data that could not be recovered (the window between the last recovery point and the loss). */
    @Column(name = "data_loss_minutes")
    public Integer dataLossMinutes;

    @Column(name = "within_rto")
    public Boolean withinRto;

    @Column(name = "within_rpo")
    public Boolean withinRpo;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TimelineEntry> timeline;

    public String measure;

    @Column(name = "hospital_agreed_by")
    public String hospitalAgreedBy;

    @Column(name = "hospital_agreed_at")
    public Instant hospitalAgreedAt;

    @Column(name = "vendor_agreed_by")
    public String vendorAgreedBy;

    @Column(name = "vendor_agreed_at")
    public Instant vendorAgreedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** How many of the SLA's promises this incident missed (notification, restore time, data loss). */
    public int slaBreaches() {
        return ServiceLevelCheck.breaches(notifiedWithinSla, withinRto, withinRpo);
    }

    public boolean measureAgreedByBoth() {
        return measure != null && hospitalAgreedAt != null && vendorAgreedAt != null;
    }
}
