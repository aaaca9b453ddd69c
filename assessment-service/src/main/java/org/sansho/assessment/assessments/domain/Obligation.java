package org.sansho.assessment.assessments.domain;

/**
 * How binding a requirement is: MANDATORY (MHLW v5 "C" minimum / v6 遵守事項 / 2省GL "〜すること"),
 * RECOMMENDED (v5 "D" / "望ましい"), INFORMATIVE (background, never a gap).
 */
public enum Obligation {
    MANDATORY, RECOMMENDED, INFORMATIVE
}
