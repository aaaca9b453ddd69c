package org.sansho.assessment.timeline.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.sansho.assessment.timeline.domain.TimelineKind;
import org.sansho.assessment.timeline.domain.TimelineRule;
import org.sansho.assessment.timeline.persistence.TimelineEntry;
import org.sansho.platform.security.Caller;

import java.time.Instant;

/** One line of a contract's timeline as the API answers it. */
@Schema(name = "TimelineEntry", description = "A fact about a contract: a state change, an assessment step, a finding, "
        + "an incident, a re-agreement or a reminder")
public record TimelineEntryView(
        @Schema(description = "The id of the event the line comes from") String eventId,
        Instant occurredAt,
        @Schema(example = "STATE_CHANGE") TimelineKind kind,
        @Schema(description = "The CloudEvents type (docs/asyncapi.yaml)", example = "org.sansho.contract.state-changed.v1") String type,
        @Schema(description = "The payload fields the timeline keeps for this type, e.g. from, to, phase for a state "
                + "change, verdict and openMandatoryGaps for a completed assessment, riskLevel and dueDate for a finding. "
                + "actor and reason of a state change only for the hospital's side.", type = SchemaType.OBJECT) JsonNode detail) {

    /** The line as {@code caller} may see it: who moved a contract and why stay with the hospital's side. */
    public static TimelineEntryView of(TimelineEntry e, Caller caller) {
        JsonNode detail = e.detail;
        if (!caller.actsFor(e.hospitalId) && detail instanceof ObjectNode object
                && TimelineRule.HOSPITAL_ONLY.stream().anyMatch(object::has)) {
            ObjectNode copy = object.deepCopy();
            copy.remove(TimelineRule.HOSPITAL_ONLY);
            detail = copy;
        }
        return new TimelineEntryView(e.eventId, e.occurredAt, e.kind, e.type, detail);
    }
}
