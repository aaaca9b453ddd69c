package org.sansho.contract.contracts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractLifecycle;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.ReagreementNeed;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.AssessmentResultRow;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.ContractTransition;
import org.sansho.contract.contracts.service.AmendContract;
import org.sansho.contract.contracts.service.OpenContract;
import org.sansho.contract.contracts.service.RequestTransition;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the contract API. */
public final class ContractRepresentations {

    private ContractRepresentations() {
    }

    private static List<VersionRef> refs(List<VersionRefBody> body) {
        return body.stream().map(VersionRefBody::toRef).toList();
    }

    private static List<Responsibility> toResponsibilities(List<ResponsibilityBody> body) {
        return body == null ? null : body.stream().map(ResponsibilityBody::toResponsibility).toList();
    }

    @Schema(description = "A guideline version that applies to the contract")
    public record VersionRefBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a guideline id "
                    + "(lower-case letters, digits, hyphens)")
            @Schema(example = "mhlw-medical-information-security") String guidelineId,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "must be a version label")
            @Schema(example = "6.0") String version) {
        public VersionRef toRef() {
            return new VersionRef(guidelineId, version);
        }
    }

    @Schema(description = "Contract term; the notice deadline is computed")
    public record TermBody(
            @NotNull @Schema(example = "2025-04-01") LocalDate startDate,
            @NotNull @Schema(example = "2028-03-31") LocalDate endDate,
            @NotNull @Schema(example = "true") Boolean autoRenewal,
            @NotNull @Min(0) @Max(3650) @Schema(description = "days of notice the hospital must give", example = "90")
            Integer hospitalNoticeDays,
            @NotNull @Min(0) @Max(3650) @Schema(description = "days of notice the vendor must give", example = "180")
            Integer vendorNoticeDays) {
        public ContractTerm toTerm() {
            return new ContractTerm(startDate, endDate, autoRenewal, hospitalNoticeDays, vendorNoticeDays);
        }
    }

    @Schema(description = "Service levels")
    public record SlaBody(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
            @Schema(example = "99.5") BigDecimal availabilityPercent,
            @Min(0) @Max(8760) @Schema(description = "recovery time objective, hours", example = "24") Integer rtoHours,
            @Min(0) @Max(8760) @Schema(description = "recovery point objective, hours", example = "24") Integer rpoHours,
            @Min(0) @Max(720) @Schema(description = "hours within which an incident is notified", example = "1")
            Integer incidentNotificationHours,
            @Min(0) @Max(365) @Schema(example = "7") Integer plannedOutageNoticeDays,
            @Size(max = 200) @Schema(example = "365 days 7:00–22:00") String supportHours,
            @Min(0) @Max(1000) @Schema(example = "7") Integer backupGenerations,
            @Schema(description = "an offline (ransomware-resistant) backup copy is kept", example = "true")
            Boolean offlineBackupCopy,
            @Size(max = 100) @Schema(example = "JP-East") String dataRegion) {
        public SlaTerms toTerms() {
            return new SlaTerms(availabilityPercent, rtoHours, rpoHours, incidentNotificationHours,
                    plannedOutageNoticeDays, supportHours, backupGenerations, offlineBackupCopy, dataRegion);
        }
    }

    @Schema(description = "Who carries a requirement or role-sharing checklist item (2省GL §4.2)")
    public record ResponsibilityBody(
            @NotBlank @Size(max = 100) @Schema(example = "MHLW6-SYS-14.1") String key,
            @NotNull @Schema(example = "SHARED") ResponsibleParty party,
            @Size(max = 1000) @Schema(example = "vendor runs backups, hospital keeps the offline copy") String note) {
        public Responsibility toResponsibility() {
            return new Responsibility(key, party, note);
        }
    }

    @Schema(description = "A contract to open (state DRAFT); the hospital is the caller's organization")
    public record NewContract(
            @NotNull UUID vendorId,
            @NotNull UUID serviceId,
            @NotBlank @Size(max = 300) @Schema(example = "電子カルテ クラウドサービス利用契約") String title,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid VersionRefBody> baseline,
            @NotNull @Size(min = 1, max = 3) List<@NotNull DataCategory> dataCategories,
            @NotNull @Valid TermBody term,
            @NotNull @Valid SlaBody sla,
            @Size(max = 500) List<@NotNull @Valid ResponsibilityBody> responsibilities) {
        public OpenContract toCommand() {
            return new OpenContract(vendorId, serviceId, title, refs(baseline), dataCategories, term.toTerm(),
                    sla.toTerms(), toResponsibilities(responsibilities));
        }
    }

    @Schema(description = "Changes to a contract (an amendment); absent parts stay as they are")
    public record ContractPatch(
            @Size(min = 1, max = 300) String title,
            @Size(min = 1, max = 10) List<@NotNull @Valid VersionRefBody> baseline,
            @Size(min = 1, max = 3) List<@NotNull DataCategory> dataCategories,
            @Valid TermBody term,
            @Valid SlaBody sla,
            @Size(max = 500) List<@NotNull @Valid ResponsibilityBody> responsibilities,
            @Schema(description = "the current activity of an ACTIVE contract") ContractActivity activity) {
        public AmendContract toCommand() {
            return new AmendContract(title, baseline == null ? null : refs(baseline), dataCategories,
                    term == null ? null : term.toTerm(), sla == null ? null : sla.toTerms(),
                    toResponsibilities(responsibilities), activity);
        }
    }

    @Schema(description = "The term of a contract with its computed notice deadline")
    public record TermView(LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                           int vendorNoticeDays,
                           @Schema(description = "end date minus the longer notice period") LocalDate noticeDeadline) {
    }

    @Schema(description = "A contract")
    public record ContractView(UUID id, UUID hospitalId, UUID vendorId, UUID serviceId, ServiceModel serviceModel,
                               String title, List<VersionRef> baseline, List<DataCategory> dataCategories,
                               TermView term, SlaTerms sla, List<Responsibility> responsibilities,
                               ContractPhase phase, ContractState state, ContractActivity activity,
                               LocalDate signedOn, boolean reagreementRequired, List<ReagreementNeed> reagreement,
                               Set<ContractState> nextStates, long version, String createdBy, Instant createdAt,
                               String updatedBy, Instant updatedAt) {
        public static ContractView of(Contract c) {
            return new ContractView(c.id, c.hospitalId, c.vendorId, c.serviceId, c.serviceModel, c.title, c.baseline,
                    c.dataCategories, new TermView(c.startDate, c.endDate, c.autoRenewal, c.hospitalNoticeDays,
                    c.vendorNoticeDays, c.noticeDeadline), c.sla, c.responsibilities, c.phase, c.state, c.activity,
                    c.signedOn, c.reagreementRequired, c.reagreement, ContractLifecycle.next(c.state), c.version,
                    c.createdBy, c.createdAt, c.updatedBy, c.updatedAt);
        }
    }

    @Schema(description = "A requested state transition and what its guard needs")
    public record TransitionRequest(
            @NotNull @Schema(example = "DISCLOSURE_REQUESTED") ContractState to,
            @Size(max = 2000) @Schema(example = "表4-1 disclosure requested from the vendor") String reason,
            @Schema(description = "for → ACTIVE: the date the contract was signed", example = "2025-03-20")
            LocalDate signedOn,
            @Schema(description = "for → ACTIVE: the initial activity (default DEVELOPMENT)", example = "DEVELOPMENT")
            ContractActivity activity) {
        public RequestTransition toCommand() {
            return new RequestTransition(to, reason, signedOn, activity);
        }
    }

    @Schema(description = "One step of a contract's history")
    public record HistoryEntry(ContractState from, ContractState to, ContractPhase phase, String actor, String reason,
                               Instant occurredAt) {
        public static HistoryEntry of(ContractTransition t) {
            return new HistoryEntry(t.fromState, t.toState, t.phase, t.actor, t.reason, t.occurredAt);
        }
    }

    @Schema(description = "The latest assessment result of one phase, as reported by the assessment-service")
    public record AssessmentResultView(String phase, UUID assessmentId, String verdict, BigDecimal score,
                                       int openMandatoryGaps, Instant completedAt) {
        public static AssessmentResultView of(AssessmentResultRow r) {
            return new AssessmentResultView(r.key.phase(), r.assessmentId, r.verdict.name(), r.score,
                    r.openMandatoryGaps, r.completedAt);
        }
    }
}
