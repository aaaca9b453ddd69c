package org.sansho.contract.disclosures.service;

import org.sansho.contract.organizations.domain.CertificationScheme;
import org.sansho.contract.organizations.persistence.VendorService;

import java.time.LocalDate;
import java.util.List;

/**
 * What the vendor has registered in this service about the contract's service, shown beside its disclosure
 * statements: the service's data locations and subcontractor chain, the vendor's certifications, and the backup
 * promise of the contract's SLA. A list the caller may not see, or that was never registered, is null.
 */
public record RegisteredFacts(String serviceName, List<VendorService.DataLocation> dataLocations,
                              List<VendorService.Subcontractor> subcontractors, List<HeldCertification> certifications,
                              Integer backupGenerations, Boolean offlineBackupCopy) {

    /** A certification as registered, and whether it is still valid on the business date. */
    public record HeldCertification(CertificationScheme scheme, String certificateNumber, String issuer,
                                    LocalDate issuedOn, LocalDate expiresOn, boolean valid) {
    }
}
