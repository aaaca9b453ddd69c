package org.sansho.assessment.assessments.service;

import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.CarryOverConfirmation;
import org.sansho.assessment.assessments.domain.WorkflowFacts;
import org.sansho.assessment.assessments.persistence.AssessmentItem;

import java.util.List;
import java.util.UUID;

/** Counts what the workflow guards look at, with one query over the assessment's items. */
final class AssessmentFacts {

    private AssessmentFacts() {
    }

    static WorkflowFacts of(UUID assessmentId) {
        // An item is answered once every side that answers it (the split's answeredBy) has answered it.
        Object[] row = (Object[]) AssessmentItem.getEntityManager().createQuery("""
                        select count(i),
                               sum(case when (i.answeredBy <> :hospital and i.response is null)
                                   or (i.answeredBy <> :vendor and i.hospitalResponse is null) then 1 else 0 end),
                               sum(case when (i.response is not null or i.hospitalResponse is not null)
                                   and (i.evaluation is null
                                   or i.evaluation = org.sansho.assessment.assessments.domain.Evaluation.NEEDS_INFO)
                                   then 1 else 0 end),
                               sum(case when i.evaluation = org.sansho.assessment.assessments.domain.Evaluation.NEEDS_INFO
                                   then 1 else 0 end),
                               sum(case when i.response is not null or i.hospitalResponse is not null
                                   then 1 else 0 end)
                        from AssessmentItem i where i.assessmentId = :id""")
                .setParameter("id", assessmentId)
                .setParameter("hospital", AnsweringSide.HOSPITAL)
                .setParameter("vendor", AnsweringSide.VENDOR).getSingleResult();
        List<String> unconfirmed = AssessmentItem.getEntityManager().createQuery("""
                        select i.requirementKey from AssessmentItem i where i.assessmentId = :id
                        and (i.carryOverVendor = :pending or i.carryOverHospital = :pending)
                        order by i.position""", String.class)
                .setParameter("id", assessmentId)
                .setParameter("pending", CarryOverConfirmation.PENDING).getResultList();
        return new WorkflowFacts(n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]), unconfirmed);
    }

    private static int n(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
