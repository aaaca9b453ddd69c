package org.sansho.catalog.guidelines.domain;

/** Who mainly carries out a requirement. */
public enum Party {
    HOSPITAL, VENDOR, SHARED, SUBCONTRACTOR
}
