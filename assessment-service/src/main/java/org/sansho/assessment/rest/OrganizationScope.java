package org.sansho.assessment.rest;

import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.tenancy.TenantScope;
import org.sansho.platform.tenancy.Tenancy;

import java.util.UUID;

/**
 * The organization a dashboard read is about: exactly one of hospital or vendor, which must be in the caller's
 * tenancy scope ({@link TenantScope}: procurement and auditors of a hospital read its side, a vendor and its auditors
 * the vendor's, a service anything); another organization answers 404, as if it did not exist.
 */
public record OrganizationScope(boolean hospital, UUID id) {

    public static OrganizationScope of(UUID hospital, UUID vendor, String what) {
        if ((hospital == null) == (vendor == null)) {
            throw ProblemException.badRequest("hospital", "give exactly one of hospital or vendor");
        }
        TenantScope scope = Tenancy.current();
        if (hospital != null ? !scope.seesHospital(hospital) : !scope.seesVendor(vendor)) {
            throw ProblemException.notFound(what, hospital != null ? hospital : vendor);
        }
        return new OrganizationScope(hospital != null, hospital != null ? hospital : vendor);
    }

    public String kind() {
        return hospital ? "HOSPITAL" : "VENDOR";
    }
}
