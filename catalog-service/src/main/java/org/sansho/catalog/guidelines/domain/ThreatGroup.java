package org.sansho.catalog.guidelines.domain;

/** Threat groups after the MHLW 6.0 Q&A 企Q-19 and the vendor guideline's 表5-1. */
public enum ThreatGroup {
    STORED_DATA, INPUT_MEDIA, DISPLAY, PRINTOUTS, CYBER, NON_INTENTIONAL, DISASTER, UNAUTHORIZED_USE, SUPPLY_CHAIN
}
