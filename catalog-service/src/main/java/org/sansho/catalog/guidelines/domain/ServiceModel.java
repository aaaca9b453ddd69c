package org.sansho.catalog.guidelines.domain;

/** The vendor guideline's service patterns (§2, A/P/I) plus outsourced operation. */
public enum ServiceModel {
    SAAS, PAAS, IAAS, OUTSOURCED_OPERATION
}
