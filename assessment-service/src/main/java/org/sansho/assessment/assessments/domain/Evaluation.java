package org.sansho.assessment.assessments.domain;

/** The reviewer's judgement of one answered requirement. NEEDS_INFO hands the item back to the vendor. */
public enum Evaluation {
    CONFORMANT, NONCONFORMANT, NEEDS_INFO
}
