package org.sansho.platform.tenancy;

import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.Objects;
import java.util.UUID;

/**
 * Which organizations' records the current unit of work may see: the one rule of the suite.
 *
 * <p>A record between a hospital and a vendor (a contract, an assessment, a finding, a posture row, a streamed fact)
 * is seen from its hospital's side by the hospital's procurement and auditors, and from its vendor's side by the
 * vendor's staff and auditors. A service token and declared system work ({@link Tenancy#system}) see every
 * organization. A token without an organization sees none.
 *
 * @param allOrganizations     a service or system work: every record
 * @param organization         the caller's organization, whatever its roles (null: none)
 * @param hospitalOrganization the organization whose hospital-side records are seen (null: none)
 * @param vendorOrganization   the organization whose vendor-side records are seen (null: none)
 */
public record TenantScope(boolean allOrganizations, UUID organization, UUID hospitalOrganization,
                          UUID vendorOrganization) {

    /** Every organization: service-to-service calls and declared system work. */
    public static final TenantScope ALL = new TenantScope(true, null, null, null);

    /** The scope of a request's caller. */
    public static TenantScope of(Caller caller) {
        if (caller.isService()) {
            return ALL;
        }
        UUID org = caller.organizationId().orElse(null);
        if (org == null) {
            return new TenantScope(false, null, null, null);
        }
        boolean auditor = caller.hasRole(Roles.AUDITOR);
        return new TenantScope(false, org,
                auditor || caller.hasRole(Roles.PROCUREMENT) ? org : null,
                auditor || caller.hasRole(Roles.VENDOR) ? org : null);
    }

    /** Whether a record of this hospital and this vendor is in scope. */
    public boolean sees(UUID hospital, UUID vendor) {
        return seesHospital(hospital) || seesVendor(vendor);
    }

    /** Whether the hospital's side of its records is in scope. */
    public boolean seesHospital(UUID hospital) {
        return allOrganizations || hospital != null && Objects.equals(hospitalOrganization, hospital);
    }

    /** Whether the vendor's side of its records is in scope. */
    public boolean seesVendor(UUID vendor) {
        return allOrganizations || vendor != null && Objects.equals(vendorOrganization, vendor);
    }

    /** Whether the organization's own records (its registration, services, certifications) are in scope. */
    public boolean isOrganization(UUID id) {
        return allOrganizations || id != null && id.equals(organization);
    }
}
