package org.sansho.catalog.guidelines.domain;

/**
 * The ministry (or ministries) that issue a guideline; OTHER for a publisher outside them, such as a control
 * catalog imported from another country's OSCAL publication.
 */
public enum Issuer {
    MHLW, METI, MIC, METI_MIC, OTHER
}
