package org.sansho.catalog.guideline.domain;

/** The ministry (or ministries) that issue a guideline. */
public enum Issuer {
    MHLW, METI, MIC, METI_MIC
}
