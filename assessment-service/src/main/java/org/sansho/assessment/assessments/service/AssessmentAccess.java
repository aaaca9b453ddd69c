package org.sansho.assessment.assessments.service;

import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

/**
 * Who acts on an assessment. Whether the caller sees it at all is the platform's tenant filter (the vendor its own,
 * procurement its hospital's, auditors their organization's): anything else is not found (404). Among those who see
 * it, the vendor answers and the hospital's procurement reviews; anyone else is refused (403).
 */
public final class AssessmentAccess {

    private AssessmentAccess() {
    }

    /** The assessment, if it exists in the caller's tenancy scope; otherwise 404. */
    public static Assessment readable(UUID id) {
        Assessment a = Assessment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Assessment", id);
        }
        return a;
    }

    /** The vendor of the assessment, answering. */
    public static Assessment answerable(UUID id, Caller caller) {
        Assessment a = readable(id);
        if (!(caller.hasRole(Roles.VENDOR) && caller.organizationId().map(a.vendorId::equals).orElse(false))) {
            throw ProblemException.forbidden("Only the assessed vendor answers this assessment");
        }
        return a;
    }

    /**
     * The side the caller answers items of the assessment for: the assessed vendor, or the hospital's procurement
     * (items the responsibility split gives to the hospital or to both sides); anyone else is refused (403).
     */
    public static AnsweringSide.Caller answeringSide(Assessment a, Caller caller) {
        if (caller.hasRole(Roles.VENDOR) && caller.organizationId().map(a.vendorId::equals).orElse(false)) {
            return AnsweringSide.Caller.VENDOR;
        }
        if (caller.hasRole(Roles.PROCUREMENT) && caller.organizationId().map(a.hospitalId::equals).orElse(false)) {
            return AnsweringSide.Caller.HOSPITAL;
        }
        throw ProblemException.forbidden("Only the assessed vendor or the hospital's procurement answers items of "
                + "this assessment");
    }

    /** Procurement of the assessment's hospital, reviewing. */
    public static Assessment reviewable(UUID id, Caller caller) {
        Assessment a = readable(id);
        if (!(caller.hasRole(Roles.PROCUREMENT) && caller.organizationId().map(a.hospitalId::equals).orElse(false))) {
            throw ProblemException.forbidden("Only the hospital's procurement reviews this assessment");
        }
        return a;
    }
}
