package org.sansho.assessment.assessments.service;

import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

/**
 * Tenancy of assessments: the vendor sees and answers its own, procurement sees and reviews its hospital's,
 * auditors read their organization's. Anything else is answered as if it did not exist (404).
 */
public final class AssessmentAccess {

    private AssessmentAccess() {
    }

    public static boolean canRead(Assessment a, Caller caller) {
        if (caller.isService()) {
            return true;
        }
        UUID org = caller.organizationId().orElse(null);
        if (org == null) {
            return false;
        }
        return (caller.hasRole(Roles.VENDOR) && org.equals(a.vendorId))
                || (caller.hasRole(Roles.PROCUREMENT) && org.equals(a.hospitalId))
                || (caller.hasRole(Roles.AUDITOR) && (org.equals(a.hospitalId) || org.equals(a.vendorId)));
    }

    public static Assessment readable(UUID id, Caller caller) {
        Assessment a = Assessment.findById(id);
        if (a == null || !canRead(a, caller)) {
            throw ProblemException.notFound("Assessment", id);
        }
        return a;
    }

    /** The vendor of the assessment, answering. */
    public static Assessment answerable(UUID id, Caller caller) {
        Assessment a = readable(id, caller);
        if (!(caller.hasRole(Roles.VENDOR) && caller.organizationId().map(a.vendorId::equals).orElse(false))) {
            throw ProblemException.forbidden("Only the assessed vendor answers this assessment");
        }
        return a;
    }

    /** Procurement of the assessment's hospital, reviewing. */
    public static Assessment reviewable(UUID id, Caller caller) {
        Assessment a = readable(id, caller);
        if (!(caller.hasRole(Roles.PROCUREMENT) && caller.organizationId().map(a.hospitalId::equals).orElse(false))) {
            throw ProblemException.forbidden("Only the hospital's procurement reviews this assessment");
        }
        return a;
    }
}
