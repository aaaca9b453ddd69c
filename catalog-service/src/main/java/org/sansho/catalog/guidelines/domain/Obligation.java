package org.sansho.catalog.guidelines.domain;

/** How binding a requirement is: MHLW 6.0 遵守事項 and v5 "C" are MANDATORY, v5 "D" and "望ましい" RECOMMENDED, explanations INFORMATIVE. */
public enum Obligation {
    MANDATORY, RECOMMENDED, INFORMATIVE
}
