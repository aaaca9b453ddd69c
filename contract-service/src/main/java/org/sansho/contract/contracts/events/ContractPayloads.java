package org.sansho.contract.contracts.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.platform.events.DataSchema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Payloads of the contract events; each carries the {@link ContractContext} flattened into it. */
public final class ContractPayloads {

    private ContractPayloads() {
    }

    @DataSchema("ContractCreatedV1")
    public record Created(@JsonUnwrapped ContractContext context, String title, ContractState state,
                          ContractPhase phase) {
    }

    @DataSchema("ContractStateChangedV1")
    public record StateChanged(@JsonUnwrapped ContractContext context, ContractState from, ContractState to,
                               ContractPhase phase, String actor, String reason, OffsetDateTime occurredAt) {
    }

    @DataSchema("ContractAmendedV1")
    public record Amended(@JsonUnwrapped ContractContext context, List<String> changed,
                          boolean reagreementRequired) {
    }

    /**
     * The responsibility split as it now stands: the checklist it was built from, every assigned item with its
     * Part, side, note and the requirement keys it evidences, and whether the vendor acknowledged it.
     */
    @DataSchema("ContractResponsibilitySplitChangedV1")
    public record ResponsibilitySplitChanged(@JsonUnwrapped ContractContext context, String templateId,
                                             List<SplitItem> items, boolean acknowledged) {
    }

    public record SplitItem(String key, String part, String party, String note, List<String> requirements) {
    }

    @DataSchema("ContractIncidentReportedV1")
    public record IncidentReported(@JsonUnwrapped ContractContext context, UUID incidentId, List<String> ciaImpact,
                                   OffsetDateTime detectedAt, OffsetDateTime notifiedAt, Boolean notifiedWithinSla) {
    }

    /** The restore of an incident measured against the SLA; {@code slaBreaches} counts the contract's misses. */
    @DataSchema("ContractIncidentRestoredV1")
    public record IncidentRestored(@JsonUnwrapped ContractContext context, UUID incidentId,
                                   OffsetDateTime detectedAt, OffsetDateTime restoredAt, Integer dataLossMinutes,
                                   Integer rtoHours, Integer rpoHours, Boolean withinRto, Boolean withinRpo,
                                   int slaBreaches) {
    }

    /** An auto-renewing term rolled over: the term that ended and the new one. */
    @DataSchema("ContractRenewedV1")
    public record Renewed(@JsonUnwrapped ContractContext context, LocalDate previousEndDate, LocalDate startDate,
                          LocalDate endDate, LocalDate noticeDeadline, String renewalPeriod) {
    }

    /** A term ended without automatic renewal while the contract is still in contract. */
    @DataSchema("ContractTermExpiredV1")
    public record TermExpired(@JsonUnwrapped ContractContext context, LocalDate endDate, ContractState state) {
    }

    /** An in-contract review's assessment came back UNACCEPTABLE: the contract stays UNDER_REVIEW. */
    @DataSchema("ContractReviewUnacceptableV1")
    public record ReviewUnacceptable(@JsonUnwrapped ContractContext context, UUID assessmentId, String verdict,
                                     int openMandatoryGaps, OffsetDateTime completedAt) {
    }

    @DataSchema("ContractClosedV1")
    public record Closed(@JsonUnwrapped ContractContext context, OffsetDateTime closedAt,
                         String deletionCertificateRef) {
    }

    @DataSchema("NoticeDeadlineApproachingV1")
    public record NoticeDeadlineApproaching(@JsonUnwrapped ContractContext context, LocalDate deadline,
                                            int thresholdDays, String kind) {
    }

    /** Keyed by the organization id, not a contract id. */
    @DataSchema("CertificationExpiringV1")
    public record CertificationExpiring(UUID organizationId, UUID certificationId, String scheme,
                                        LocalDate expiresOn, int thresholdDays) {
    }
}
