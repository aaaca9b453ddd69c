package org.sansho.contract.reagreements.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.reagreements.domain.ReagreementTrigger;
import org.sansho.platform.events.DataSchema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Payloads of the re-agreement events on contract.events; each carries the {@link ContractContext}. */
public final class ReagreementPayloads {

    private ReagreementPayloads() {
    }

    /** A case was opened; superseded/by and the key lists are set for a publication, amendedFields for an amendment. */
    @DataSchema("ContractReagreementRequiredV1")
    public record Required(@JsonUnwrapped ContractContext context, UUID caseId, ReagreementTrigger trigger,
                           VersionRef superseded, VersionRef by, List<String> addedKeys, List<String> changedKeys,
                           List<String> removedKeys, List<String> amendedFields, LocalDate openedOn,
                           LocalDate dueOn) {
    }

    /** Both sides consented: the case is closed. */
    @DataSchema("ContractReagreementConcludedV1")
    public record Concluded(@JsonUnwrapped ContractContext context, UUID caseId, ReagreementTrigger trigger,
                            String hospitalConsentBy, OffsetDateTime hospitalConsentAt, String vendorConsentBy,
                            OffsetDateTime vendorConsentAt, OffsetDateTime closedAt) {
    }

    /** A case is still open after its due date (sent once per case). */
    @DataSchema("ContractReagreementOverdueV1")
    public record Overdue(@JsonUnwrapped ContractContext context, UUID caseId, ReagreementTrigger trigger,
                          LocalDate openedOn, LocalDate dueOn, boolean hospitalConsented, boolean vendorConsented) {
    }
}
