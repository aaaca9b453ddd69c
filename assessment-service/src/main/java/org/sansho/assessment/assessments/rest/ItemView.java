package org.sansho.assessment.assessments.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.persistence.AssessmentItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "AssessmentItem", description = "One applicable requirement as it read when the item was created, with the vendor's response and the reviewer's evaluation")
public record ItemView(
        @Schema(example = "meti-mic-vendor:4.4:certification") String key,
        String guidelineId, @Schema(example = "1.1") String guidelineVersion,
        @Schema(example = "4.4") String sectionNumber, String ref,
        Text title, Text summary,
        @Schema(example = "MANDATORY") Obligation obligation, String category, String party,
        List<Text> expectedEvidence,
        Response response, EvaluationView evaluation, UUID findingId, long version) {

    public record Text(String ja, String en) {
    }

    @Schema(name = "ItemResponse")
    public record Response(ResponseStatus status, String justification, String statement, List<EvidenceRef> evidence,
                           String respondedBy, Instant respondedAt,
                           @Schema(description = "Taken over from the contract's previous completed assessment") boolean carriedForward) {
    }

    @Schema(name = "ItemEvaluation")
    public record EvaluationView(Evaluation evaluation, String comment, String evaluatedBy, Instant evaluatedAt) {
    }

    public static ItemView of(AssessmentItem i, UUID findingId) {
        Response response = i.response == null ? null : new Response(i.response, i.justification, i.statement,
                i.evidenceRefs, i.respondedBy, i.respondedAt, i.carriedForward);
        EvaluationView evaluation = i.evaluation == null ? null
                : new EvaluationView(i.evaluation, i.evaluationComment, i.evaluatedBy, i.evaluatedAt);
        return new ItemView(i.requirementKey, i.guidelineId, i.guidelineVersion, i.sectionNumber, i.ref,
                new Text(i.titleJa, i.titleEn), new Text(i.summaryJa, i.summaryEn), i.obligation, i.category,
                i.party, i.expectedEvidence.stream().map(t -> new Text(t.ja(), t.en())).toList(), response,
                evaluation, findingId, i.version);
    }
}
