package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.TerminationRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the audit trail digests of a contract's termination record, independent of the API's view. */
public record TerminationSnapshot(UUID contractId, ResponsibleParty noticedByParty, LocalDate noticedOn,
                                  String noticeReason, LocalDate dataReturnedOn, String dataReturnNote,
                                  String dataReturnRecordedBy, String dataReturnConfirmedBy,
                                  Instant dataReturnConfirmedAt, String certificateRef, String deletedBy,
                                  String media, String method, LocalDate deletedOn) {

    public static TerminationSnapshot of(TerminationRecord t) {
        return new TerminationSnapshot(t.contractId, t.noticedByParty, t.noticedOn, t.noticeReason,
                t.dataReturnedOn, t.dataReturnNote, t.dataReturnRecordedBy, t.dataReturnConfirmedBy,
                t.dataReturnConfirmedAt, t.certificateRef, t.deletedBy, t.media, t.method, t.deletedOn);
    }
}
