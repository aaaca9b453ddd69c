package org.sansho.assessment.assessments.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.CarryOverConfirmation;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.persistence.AssessmentItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "AssessmentItem", description = "One applicable requirement as it read when the item was created, who answers it (from the contract's responsibility split), the vendor's and the hospital's answers and the reviewer's evaluation")
public record ItemView(
        @Schema(example = "meti-mic-vendor:4.4:certification") String key,
        String guidelineId, @Schema(example = "1.1") String guidelineVersion,
        @Schema(example = "4.4") String sectionNumber, String ref,
        Text title, Text summary,
        @Schema(example = "MANDATORY") Obligation obligation, String category, String party,
        List<Text> expectedEvidence,
        @Schema(description = "Who answers the item, as the contract's responsibility split (責任分界) decides: VENDOR "
                + "(also when the split says nothing about it), HOSPITAL (self-assessment; not asked of the vendor) or "
                + "BOTH (each side answers; answered once both have)") AnsweringSide answeredBy,
        @Schema(description = "The vendor's answer; null when none (always null on a HOSPITAL item)") Response response,
        @Schema(description = "The hospital's answer to a HOSPITAL or BOTH item; null when none") Response hospitalResponse,
        @Schema(description = "Every side that answers the item has answered it") boolean answered,
        @Schema(description = "The requirement of the superseded version whose answers a re-baseline carried over "
                + "to this item through the catalog's mappings; null when the answers are the sides' own. Each "
                + "response's carryOver says whether its side has confirmed it") CarriedOverFrom carriedOverFrom,
        EvaluationView evaluation, UUID findingId, long version) {

    @Schema(name = "ItemCarriedOverFrom", description = "Where a carried-over answer came from")
    public record CarriedOverFrom(@Schema(example = "MHLW5-6.2-C4") String key, @Schema(example = "5.2") String version,
                                  @Schema(description = "SUPERSEDED_BY or EQUIVALENT") String relation) {
    }

    public record Text(String ja, String en) {
    }

    @Schema(name = "ItemResponse")
    public record Response(ResponseStatus status, String justification, String statement, List<EvidenceRef> evidence,
                           String respondedBy, Instant respondedAt,
                           @Schema(description = "Taken over from the contract's previous completed assessment") boolean carriedForward,
                           @Schema(description = "Carried over by a re-baseline from a replaced requirement "
                                   + "(see carriedOverFrom): PENDING ('carried over, confirm': the side confirms it "
                                   + "or answers again before the assessment can be submitted) or CONFIRMED; null "
                                   + "for the side's own answer") CarryOverConfirmation carryOver) {
    }

    @Schema(name = "ItemEvaluation")
    public record EvaluationView(Evaluation evaluation, String comment, String evaluatedBy, Instant evaluatedAt) {
    }

    public static ItemView of(AssessmentItem i, UUID findingId) {
        Response response = i.response == null ? null : new Response(i.response, i.justification, i.statement,
                i.evidenceRefs, i.respondedBy, i.respondedAt, i.carriedForward, i.carryOverVendor);
        Response hospitalResponse = i.hospitalResponse == null ? null : new Response(i.hospitalResponse,
                i.hospitalJustification, i.hospitalStatement, i.hospitalEvidenceRefs, i.hospitalRespondedBy,
                i.hospitalRespondedAt, i.carriedForward, i.carryOverHospital);
        CarriedOverFrom carriedOverFrom = i.carriedOverFromKey == null ? null
                : new CarriedOverFrom(i.carriedOverFromKey, i.carriedOverFromVersion, i.carriedOverRelation);
        EvaluationView evaluation = i.evaluation == null ? null
                : new EvaluationView(i.evaluation, i.evaluationComment, i.evaluatedBy, i.evaluatedAt);
        return new ItemView(i.requirementKey, i.guidelineId, i.guidelineVersion, i.sectionNumber, i.ref,
                new Text(i.titleJa, i.titleEn), new Text(i.summaryJa, i.summaryEn), i.obligation, i.category,
                i.party, i.expectedEvidence.stream().map(t -> new Text(t.ja(), t.en())).toList(), i.answeredBy,
                response, hospitalResponse, i.answered(), carriedOverFrom, evaluation, findingId, i.version);
    }
}
