package org.sansho.assessment.assessments.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.CarryOverConfirmation;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.ResponseStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One applicable requirement of an assessment. The requirement's key, text and obligation are copied when the
 * item is created, so that a later catalog version never rewrites what was assessed.
 */
@Filter(name = Tenancy.FILTER, condition = AssessmentItem.OF_VISIBLE_ASSESSMENT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "assessment_item")
public class AssessmentItem extends PanacheEntityBase {

    /**
     * Tenancy of an item: seen with its assessment. The assessment is found by its primary key, once per statement
     * for the items of one assessment.
     */
    public static final String OF_VISIBLE_ASSESSMENT = "(:" + Tenancy.ALL_ORGANIZATIONS
            + " or exists (select 1 from assessment ta where ta.id = {alias}.assessment_id and (ta.hospital_id = :"
            + Tenancy.HOSPITAL_ORGANIZATION + " or ta.vendor_id = :" + Tenancy.VENDOR_ORGANIZATION + ")))";

    @Id
    public UUID id;
    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;
    @Column(name = "requirement_key", nullable = false)
    public String requirementKey;
    @Column(name = "guideline_id", nullable = false)
    public String guidelineId;
    @Column(name = "guideline_version", nullable = false)
    public String guidelineVersion;
    @Column(name = "section_number")
    public String sectionNumber;
    public String ref;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "summary_ja")
    public String summaryJa;
    @Column(name = "summary_en")
    public String summaryEn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Obligation obligation;
    public String category;
    public String party;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_evidence", nullable = false)
    public List<LocalizedText> expectedEvidence = new ArrayList<>();
    @Column(nullable = false)
    public int position;
    @Enumerated(EnumType.STRING)
    public ResponseStatus response;
    public String justification;
    public String statement;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_refs", nullable = false)
    public List<EvidenceRef> evidenceRefs = new ArrayList<>();
    @Column(name = "responded_by")
    public String respondedBy;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "carried_forward", nullable = false)
    public boolean carriedForward;
    /** Who answers the item, as the contract's responsibility split decides (VENDOR when it says nothing). */
    @Enumerated(EnumType.STRING)
    @Column(name = "answered_by", nullable = false)
    public AnsweringSide answeredBy = AnsweringSide.VENDOR;
    /** The hospital's answer to an item answered by the hospital or by both sides; the vendor's is {@link #response}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "hospital_response")
    public ResponseStatus hospitalResponse;
    @Column(name = "hospital_justification")
    public String hospitalJustification;
    @Column(name = "hospital_statement")
    public String hospitalStatement;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "hospital_evidence_refs", nullable = false)
    public List<EvidenceRef> hospitalEvidenceRefs = new ArrayList<>();
    @Column(name = "hospital_responded_by")
    public String hospitalRespondedBy;
    @Column(name = "hospital_responded_at")
    public Instant hospitalRespondedAt;
    /** The requirement key of the old baseline whose answers a re-baseline carried over to this item; null if none. */
    @Column(name = "carried_over_from_key")
    public String carriedOverFromKey;
    @Column(name = "carried_over_from_version")
    public String carriedOverFromVersion;
    /** The catalog relation the answers were carried through (SUPERSEDED_BY or EQUIVALENT). */
    @Column(name = "carried_over_relation")
    public String carriedOverRelation;
    /** Whether the vendor's answer is a carried-over one, and whether it was confirmed; null: its own. */
    @Enumerated(EnumType.STRING)
    @Column(name = "carry_over_vendor")
    public CarryOverConfirmation carryOverVendor;
    /** Whether the hospital's answer is a carried-over one, and whether it was confirmed; null: its own. */
    @Enumerated(EnumType.STRING)
    @Column(name = "carry_over_hospital")
    public CarryOverConfirmation carryOverHospital;
    @Enumerated(EnumType.STRING)
    public Evaluation evaluation;
    @Column(name = "evaluation_comment")
    public String evaluationComment;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Version
    public long version;

    /** A text in Japanese and English. */
    public record LocalizedText(String ja, String en) {
    }

    /** Whether the snapshot says the same as another one (what a re-baseline compares). */
    public boolean sameRequirementText(AssessmentItem other) {
        return java.util.Objects.equals(titleJa, other.titleJa) && java.util.Objects.equals(titleEn, other.titleEn)
                && java.util.Objects.equals(summaryJa, other.summaryJa)
                && java.util.Objects.equals(summaryEn, other.summaryEn) && obligation == other.obligation;
    }

    public void clearAnswer() {
        response = null;
        justification = null;
        statement = null;
        evidenceRefs = new ArrayList<>();
        respondedBy = null;
        respondedAt = null;
        carriedForward = false;
        hospitalResponse = null;
        hospitalJustification = null;
        hospitalStatement = null;
        hospitalEvidenceRefs = new ArrayList<>();
        hospitalRespondedBy = null;
        hospitalRespondedAt = null;
        clearCarryOver();
        clearEvaluation();
    }

    /**
     * Takes over another item's answers as carried over from it (a re-baseline across a key change): each side's
     * answer that {@code vendor} / {@code hospital} names, waiting for that side's confirmation.
     */
    public void carryOver(AssessmentItem source, String relation, boolean vendor, boolean hospital) {
        if (vendor) {
            response = source.response;
            justification = source.justification;
            statement = source.statement;
            evidenceRefs = new ArrayList<>(source.evidenceRefs);
            respondedBy = source.respondedBy;
            respondedAt = source.respondedAt;
            carryOverVendor = CarryOverConfirmation.PENDING;
        }
        if (hospital) {
            hospitalResponse = source.hospitalResponse;
            hospitalJustification = source.hospitalJustification;
            hospitalStatement = source.hospitalStatement;
            hospitalEvidenceRefs = new ArrayList<>(source.hospitalEvidenceRefs);
            hospitalRespondedBy = source.hospitalRespondedBy;
            hospitalRespondedAt = source.hospitalRespondedAt;
            carryOverHospital = CarryOverConfirmation.PENDING;
        }
        carriedForward = false;
        carriedOverFromKey = source.requirementKey;
        carriedOverFromVersion = source.guidelineVersion;
        carriedOverRelation = relation;
    }

    /** The carry-over state of one side's answer. */
    public CarryOverConfirmation carryOver(AnsweringSide.Caller side) {
        return side == AnsweringSide.Caller.HOSPITAL ? carryOverHospital : carryOverVendor;
    }

    /** Sets one side's carry-over state; the item forgets its source once no side's answer is a carried one. */
    public void carryOver(AnsweringSide.Caller side, CarryOverConfirmation state) {
        if (side == AnsweringSide.Caller.HOSPITAL) {
            carryOverHospital = state;
        } else {
            carryOverVendor = state;
        }
        if (carryOverVendor == null && carryOverHospital == null) {
            clearCarryOver();
        }
    }

    /** Some side's carried-over answer waits for confirmation. */
    public boolean carryOverPending() {
        return carryOverVendor == CarryOverConfirmation.PENDING || carryOverHospital == CarryOverConfirmation.PENDING;
    }

    private void clearCarryOver() {
        carriedOverFromKey = null;
        carriedOverFromVersion = null;
        carriedOverRelation = null;
        carryOverVendor = null;
        carryOverHospital = null;
    }

    /** Every side that answers the item has answered it. */
    public boolean answered() {
        return answeredBy.answered(response, hospitalResponse);
    }

    /** Some side has answered it. */
    public boolean anyAnswer() {
        return response != null || hospitalResponse != null;
    }

    public void clearEvaluation() {
        evaluation = null;
        evaluationComment = null;
        evaluatedBy = null;
        evaluatedAt = null;
    }
}
