package org.sansho.assessment.assessments.service;

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

/**
 * What the audit trail digests of an assessment item before and after a change: the requirement as snapshotted,
 * the vendor's response and the reviewer's evaluation, independent of the API's view.
 */
public record ItemSnapshot(UUID id, UUID assessmentId, String requirementKey, String guidelineId,
                           String guidelineVersion, String sectionNumber, String ref, String titleJa, String titleEn,
                           String summaryJa, String summaryEn, Obligation obligation, String category, String party,
                           List<AssessmentItem.LocalizedText> expectedEvidence, ResponseStatus response,
                           String justification, String statement, List<EvidenceRef> evidence, String respondedBy,
                           Instant respondedAt, boolean carriedForward, Evaluation evaluation,
                           String evaluationComment, String evaluatedBy, Instant evaluatedAt, long version,
                           AnsweringSide answeredBy, ResponseStatus hospitalResponse, String hospitalJustification,
                           String hospitalStatement, List<EvidenceRef> hospitalEvidence, String hospitalRespondedBy,
                           Instant hospitalRespondedAt, String carriedOverFromKey, String carriedOverFromVersion,
                           String carriedOverRelation, CarryOverConfirmation carryOverVendor,
                           CarryOverConfirmation carryOverHospital) {

    public static ItemSnapshot of(AssessmentItem i) {
        return new ItemSnapshot(i.id, i.assessmentId, i.requirementKey, i.guidelineId, i.guidelineVersion,
                i.sectionNumber, i.ref, i.titleJa, i.titleEn, i.summaryJa, i.summaryEn, i.obligation, i.category,
                i.party, List.copyOf(i.expectedEvidence), i.response, i.justification, i.statement,
                List.copyOf(i.evidenceRefs), i.respondedBy, i.respondedAt, i.carriedForward, i.evaluation,
                i.evaluationComment, i.evaluatedBy, i.evaluatedAt, i.version, i.answeredBy, i.hospitalResponse,
                i.hospitalJustification, i.hospitalStatement, List.copyOf(i.hospitalEvidenceRefs),
                i.hospitalRespondedBy, i.hospitalRespondedAt, i.carriedOverFromKey, i.carriedOverFromVersion,
                i.carriedOverRelation, i.carryOverVendor, i.carryOverHospital);
    }
}
