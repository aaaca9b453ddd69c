package org.sansho.contract.organizations.service;

import org.sansho.contract.organizations.domain.CertificationScheme;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the audit trail digests of organizations, vendor services and certifications: the feature's own records of
 * their state, independent of the API's views.
 */
public final class OrganizationSnapshots {

    private OrganizationSnapshots() {
    }

    public record OrganizationSnapshot(UUID id, OrganizationKind kind, String nameJa, String nameEn,
                                       String corporateNumber, List<Organization.Contact> contacts,
                                       UUID registeredBy, String createdBy, Instant createdAt) {
        public static OrganizationSnapshot of(Organization o) {
            return new OrganizationSnapshot(o.id, o.kind, o.nameJa, o.nameEn, o.corporateNumber, o.contacts,
                    o.registeredBy, o.createdBy, o.createdAt);
        }
    }

    public record ServiceSnapshot(UUID id, UUID organizationId, String name, ServiceModel serviceModel,
                                  List<VendorService.DataLocation> dataLocations,
                                  List<VendorService.Subcontractor> subcontractors, String createdBy,
                                  Instant createdAt) {
        public static ServiceSnapshot of(VendorService s) {
            return new ServiceSnapshot(s.id, s.organizationId, s.name, s.serviceModel, s.dataLocations,
                    s.subcontractors, s.createdBy, s.createdAt);
        }
    }

    public record CertificationSnapshot(UUID id, UUID organizationId, CertificationScheme scheme,
                                        String certificateNumber, String issuer, LocalDate issuedOn,
                                        LocalDate expiresOn, String createdBy, Instant createdAt) {
        public static CertificationSnapshot of(Certification c) {
            return new CertificationSnapshot(c.id, c.organizationId, c.scheme, c.certificateNumber, c.issuer,
                    c.issuedOn, c.expiresOn, c.createdBy, c.createdAt);
        }
    }
}
