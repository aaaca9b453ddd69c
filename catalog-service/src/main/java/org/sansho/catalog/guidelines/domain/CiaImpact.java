package org.sansho.catalog.guidelines.domain;

/** Which security property a threat harms. */
public enum CiaImpact {
    C, I, A
}
