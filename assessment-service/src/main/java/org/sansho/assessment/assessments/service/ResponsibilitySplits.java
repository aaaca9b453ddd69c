package org.sansho.assessment.assessments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.AssessmentWorkflow;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.persistence.ResponsibilitySplitRow;
import org.sansho.assessment.events.ContractResponsibilitySplitChangedV1;
import org.sansho.platform.inbox.PoisonEventException;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who answers which item, from the contract's responsibility split (責任分界): keeps each contract's split as its
 * latest event gave it, gives new items their side, and moves the items of the contract's assessments that are not
 * completed when the split changes. Completed assessments keep the sides they were answered under. Answers already
 * given stay; an item that now waits for another side's answer is answered once that side answered it too.
 */
@ApplicationScoped
public class ResponsibilitySplits {

    /** Assessments whose items follow a change of the split: every one not completed. */
    private static final Set<AssessmentStatus> FOLLOWING = EnumSet.copyOf(AssessmentWorkflow.ACTIVE);

    static {
        FOLLOWING.add(AssessmentStatus.STALE);
    }

    private final Clock clock;

    public ResponsibilitySplits(Clock clock) {
        this.clock = clock;
    }

    /** The side of each requirement the contract's split names; empty when it has none. */
    public static Map<String, AnsweringSide> sides(UUID contractId) {
        ResponsibilitySplitRow row = ResponsibilitySplitRow.findById(contractId);
        if (row == null) {
            return Map.of();
        }
        return AnsweringSide.byRequirement(row.items.stream()
                .map(i -> new AnsweringSide.SplitItem(i.party(), i.requirements())).toList());
    }

    /** Gives each item the side the split decides for its requirement (VENDOR when it names none). */
    public static void assign(List<AssessmentItem> items, Map<String, AnsweringSide> sides) {
        for (AssessmentItem item : items) {
            item.answeredBy = sides.getOrDefault(item.requirementKey, AnsweringSide.VENDOR);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(ContractResponsibilitySplitChangedV1 split) {
        if (split.contractId() == null || split.hospitalId() == null || split.vendorId() == null) {
            throw new PoisonEventException("the responsibility split names no contract, hospital or vendor");
        }
        ResponsibilitySplitRow row = ResponsibilitySplitRow.findById(split.contractId());
        if (row == null) {
            row = new ResponsibilitySplitRow();
            row.contractId = split.contractId();
            row.hospitalId = split.hospitalId();
            row.vendorId = split.vendorId();
        }
        row.templateId = split.templateId() == null ? "" : split.templateId();
        row.items = split.items() == null ? List.of() : split.items().stream()
                .map(i -> new ResponsibilitySplitRow.Item(i.key(), i.party(), i.requirements())).toList();
        row.acknowledged = split.acknowledged();
        row.updatedAt = clock.instant();
        row.persist();
        Map<String, AnsweringSide> sides = sides(split.contractId());
        List<AssessmentItem> items = AssessmentItem.list("assessmentId in (select a.id from Assessment a "
                + "where a.contractId = ?1 and a.status in ?2)", split.contractId(), FOLLOWING);
        assign(items, sides);
    }
}
