package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ResponsibilitySplit;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.domain.RoleSharingChecklist;
import org.sansho.contract.contracts.persistence.Contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ResponsibilitySplit", description = "The contract's responsibility split (責任分界) against the "
        + "role-sharing checklist it was set from: every checklist item with its side (null while unassigned), the "
        + "Part 2 items still unassigned, and the vendor's acknowledgement of the split as it stands")
public record ResponsibilitySplitView(
        UUID contractId,
        @Schema(description = "The catalog template the split was set from; null while no split was set",
                example = "role-sharing-checklist-2024") String templateId,
        List<Item> items,
        @Schema(description = "Part 2 items without a side; AGREED needs none") List<String> unassignedPart2,
        @Schema(description = "Every Part 2 item has a side") boolean complete,
        @Schema(description = "The vendor's acknowledgement; null when not given or withdrawn by a change")
        Acknowledgement acknowledgement,
        long version) {

    @Schema(name = "ResponsibilitySplitItem")
    public record Item(@Schema(example = "Part2 A-1") String key, RoleSharingChecklist.Part part,
                       ResponsibleParty party, String note,
                       @Schema(description = "Requirement keys the checklist item evidences") List<String> requirements) {
    }

    @Schema(name = "ResponsibilitySplitAcknowledgement")
    public record Acknowledgement(String by, Instant at) {
    }

    public static ResponsibilitySplitView of(Contract c) {
        ResponsibilitySplit.State state = ResponsibilitySplit.State.of(c.responsibilityChecklist, c.responsibilities,
                c.splitAcknowledgedAt != null);
        List<Item> items = c.responsibilityChecklist == null ? List.of()
                : ResponsibilitySplit.assignments(c.responsibilityChecklist, c.responsibilities).stream()
                .map(a -> new Item(a.key(), a.part(), a.party(), a.note(), a.requirements())).toList();
        return new ResponsibilitySplitView(c.id,
                c.responsibilityChecklist == null ? null : c.responsibilityChecklist.templateId(), items,
                state.unassignedPart2(), state.complete(),
                c.splitAcknowledgedAt == null ? null : new Acknowledgement(c.splitAcknowledgedBy, c.splitAcknowledgedAt),
                c.version);
    }
}
