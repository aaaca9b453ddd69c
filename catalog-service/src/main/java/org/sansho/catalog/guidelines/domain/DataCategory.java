package org.sansho.catalog.guidelines.domain;

/** Kinds of medical information a contract handles. */
public enum DataCategory {
    LEGAL_RETENTION_RECORDS, OTHER_PERSONAL_HEALTH_INFO, ANONYMIZED
}
