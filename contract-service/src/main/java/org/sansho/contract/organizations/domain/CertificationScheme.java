package org.sansho.contract.organizations.domain;

/**
 * Certifications a vendor may hold. 2省GL §4.4 asks at least Privacy Mark (JIS Q 15001) or ISMS (ISO/IEC 27001);
 * ISMAP and the cloud extensions ISO/IEC 27017/27018 are common additional evidence.
 */
public enum CertificationScheme {
    ISMS, PRIVACY_MARK, ISMAP, ISO_27017, ISO_27018, ISMS_CLOUD, OTHER
}
