package org.sansho.contract.contracts.domain;

/** Kinds of medical information a contract covers. */
public enum DataCategory {
    /** Records the institution must keep by law (e.g. 診療録, 5 years under 医師法 §24). */
    LEGAL_RETENTION_RECORDS,
    OTHER_PERSONAL_HEALTH_INFO,
    ANONYMIZED
}
