package org.sansho.catalog.guideline.domain;

/** Who mainly carries out a requirement. */
public enum Party {
    HOSPITAL, VENDOR, SHARED, SUBCONTRACTOR
}
