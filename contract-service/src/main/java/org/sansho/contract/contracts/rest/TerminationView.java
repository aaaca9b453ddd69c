package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.TerminationRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "What happened at the end of a contract")
public record TerminationView(UUID contractId, ResponsibleParty noticedByParty, LocalDate noticedOn,
                              String noticeReason, LocalDate dataReturnedOn, String dataReturnNote,
                              String dataReturnRecordedBy, String dataReturnConfirmedBy,
                              Instant dataReturnConfirmedAt, String certificateRef, String deletedBy, String media,
                              String method, LocalDate deletedOn) {
    public static TerminationView of(TerminationRecord t) {
        return new TerminationView(t.contractId, t.noticedByParty, t.noticedOn, t.noticeReason,
                t.dataReturnedOn, t.dataReturnNote, t.dataReturnRecordedBy, t.dataReturnConfirmedBy,
                t.dataReturnConfirmedAt, t.certificateRef, t.deletedBy, t.media, t.method, t.deletedOn);
    }
}
