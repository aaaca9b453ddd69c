package org.sansho.contract.organizations.service;

import org.sansho.contract.organizations.domain.CertificationScheme;

import java.time.LocalDate;

/** Records a certification a vendor holds (ISMS, Privacy Mark, ISMAP …). */
public record AddCertification(CertificationScheme scheme, String certificateNumber, String issuer,
                               LocalDate issuedOn, LocalDate expiresOn) {
}
