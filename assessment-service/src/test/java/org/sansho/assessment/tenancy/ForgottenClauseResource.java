package org.sansho.assessment.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.deadlines.persistence.UpcomingDeadline;
import org.sansho.assessment.posture.persistence.ContractPosture;
import org.sansho.testsupport.tenancy.ForgottenClause;
import org.sansho.testsupport.tenancy.ForgottenClauseQueries;

/**
 * Queries and loads by id without any tenancy clause ({@link ForgottenClauseQueries}) over this service's
 * tenant-scoped entities, for {@link TenancyTest}.
 */
@Path(ForgottenClause.PATH)
public class ForgottenClauseResource extends ForgottenClauseQueries {

    public ForgottenClauseResource(EntityManager em) {
        super(em, Assessment.class, AssessmentItem.class, ContractPosture.class, UpcomingDeadline.class);
    }
}
