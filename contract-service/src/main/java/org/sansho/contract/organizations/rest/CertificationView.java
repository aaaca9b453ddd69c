package org.sansho.contract.organizations.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.CertificationScheme;
import org.sansho.contract.organizations.persistence.Certification;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A certification the vendor holds")
public record CertificationView(UUID id, UUID organizationId, CertificationScheme scheme, String certificateNumber,
                                String issuer, LocalDate issuedOn, LocalDate expiresOn) {
    public static CertificationView of(Certification c) {
        return new CertificationView(c.id, c.organizationId, c.scheme, c.certificateNumber, c.issuer,
                c.issuedOn, c.expiresOn);
    }
}
