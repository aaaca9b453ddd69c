package org.sansho.assessment.posture.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One contract of the contracts overview: a row of the posture read model with its next deadline. */
@Schema(name = "ContractOverview", description = "A contract as the dashboard lists it: its parties by id and name, "
        + "phase, state, latest verdict, open mandatory gaps, overdue findings, the next notice deadline and whether a re-agreement is pending")
public record ContractOverviewView(
        UUID contractId,
        @Schema(description = "The title contract-service created it with; null until its creation was seen") String title,
        UUID hospitalId, UUID vendorId,
        @Schema(description = "The hospital's name as the latest contract event carried it; null while only events "
                + "without names were seen") OrganizationNameView hospitalName,
        @Schema(description = "The vendor's name as the latest contract event carried it; null while only events "
                + "without names were seen") OrganizationNameView vendorName,
        @Schema(example = "IN_CONTRACT") String phase,
        @Schema(example = "ACTIVE") String state,
        @Schema(description = "The latest assessment's verdict; null before the first is completed", example = "CONDITIONAL") String verdict,
        int openMandatoryGaps, int overdueFindings,
        @Schema(description = "The earliest notice deadline (or passed end date) announced and not yet past") LocalDate nextDeadline,
        @Schema(example = "NOTICE_DEADLINE") String nextDeadlineKind,
        @Schema(description = "A baseline version of the contract was superseded and the contract not yet amended onto the new one") boolean reagreementPending,
        @Schema(description = "When the contract last changed state") Instant stateChangedAt) {
}
