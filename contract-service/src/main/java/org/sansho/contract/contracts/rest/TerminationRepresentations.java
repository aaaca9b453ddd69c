package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.domain.DeletionCertificate;
import org.sansho.contract.contracts.service.GiveNotice;
import org.sansho.contract.contracts.service.RecordDataReturn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.TerminationRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the termination API (contract end: notice, data return, deletion proof). */
public final class TerminationRepresentations {

    private TerminationRepresentations() {
    }

    @Schema(description = "Notice of termination given by the caller's side")
    public record NoticeBody(@NotNull @Schema(example = "2027-12-01") LocalDate noticedOn,
                             @Size(max = 2000) @Schema(example = "moving to a new EHR") String reason) {
        public GiveNotice toCommand() {
            return new GiveNotice(noticedOn, reason);
        }
    }

    @Schema(description = "The vendor's record of the data it returned")
    public record DataReturnBody(@NotNull @Schema(example = "2028-02-15") LocalDate returnedOn,
                                 @NotBlank @Size(max = 2000)
                                 @Schema(example = "full export, SS-MIX2 standard storage on encrypted disk")
                                 String note) {
        public RecordDataReturn toCommand() {
            return new RecordDataReturn(returnedOn, note);
        }
    }

    @Schema(description = "Deletion/destruction certificate (2省GL 別紙2 ③-8; MHLW 5 §6.7)")
    public record DeletionCertificateBody(
            @NotBlank @Size(max = 200) @Schema(example = "DEL-2028-0042") String certificateRef,
            @NotBlank @Size(max = 200) @Schema(description = "who destroyed the data", example = "株式会社データ消去 山田")
            String deletedBy,
            @NotBlank @Size(max = 500) @Schema(example = "HDD x 12 (serials in annex)") String media,
            @NotBlank @Size(max = 500) @Schema(example = "degaussing then physical destruction") String method,
            @NotNull @Schema(example = "2028-03-10") LocalDate deletedOn) {
        public DeletionCertificate toCertificate() {
            return new DeletionCertificate(certificateRef, deletedBy, media, method, deletedOn);
        }
    }

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
}
