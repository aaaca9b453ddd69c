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
import org.sansho.contract.contracts.domain.DeletionCertificate;
import org.sansho.contract.contracts.domain.ResponsibleParty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened at the end of a contract: the notice, the return of the data, the proof of its deletion. */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "termination_record")
public class TerminationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public UUID contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "noticed_by_party")
    public ResponsibleParty noticedByParty;

    @Column(name = "noticed_on")
    public LocalDate noticedOn;

    @Column(name = "notice_reason")
    public String noticeReason;

    @Column(name = "data_returned_on")
    public LocalDate dataReturnedOn;

    @Column(name = "data_return_note")
    public String dataReturnNote;

    @Column(name = "data_return_recorded_by")
    public String dataReturnRecordedBy;

    @Column(name = "data_return_confirmed_by")
    public String dataReturnConfirmedBy;

    @Column(name = "data_return_confirmed_at")
    public Instant dataReturnConfirmedAt;

    @Column(name = "certificate_ref")
    public String certificateRef;

    @Column(name = "deleted_by")
    public String deletedBy;

    public String media;

    public String method;

    @Column(name = "deleted_on")
    public LocalDate deletedOn;

    @Version
    public long version;

    public DeletionCertificate deletionCertificate() {
        return certificateRef == null ? null
                : new DeletionCertificate(certificateRef, deletedBy, media, method, deletedOn);
    }
}
