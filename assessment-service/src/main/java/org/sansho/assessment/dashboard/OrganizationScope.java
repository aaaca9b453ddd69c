package org.sansho.assessment.dashboard;

import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

/**
 * The organization a dashboard read is about: exactly one of hospital or vendor. Procurement and auditors of a
 * hospital read its data, a vendor (and its auditors) its own, a service anything; another organization's data
 * answers 404.
 */
public record OrganizationScope(boolean hospital, UUID id) {

    public static OrganizationScope of(Caller caller, UUID hospital, UUID vendor, String what) {
        if ((hospital == null) == (vendor == null)) {
            throw ProblemException.badRequest("hospital", "give exactly one of hospital or vendor");
        }
        UUID org = hospital != null ? hospital : vendor;
        boolean allowed = caller.isService() || caller.organizationId().map(org::equals).orElse(false)
                && (hospital != null ? caller.hasRole(Roles.PROCUREMENT) || caller.hasRole(Roles.AUDITOR)
                : caller.hasRole(Roles.VENDOR) || caller.hasRole(Roles.AUDITOR));
        if (!allowed) {
            throw ProblemException.notFound(what, org);
        }
        return new OrganizationScope(hospital != null, org);
    }

    public String kind() {
        return hospital ? "HOSPITAL" : "VENDOR";
    }
}
