package org.sansho.catalog.guideline.domain;

/** Which security property a threat harms. */
public enum CiaImpact {
    C, I, A
}
