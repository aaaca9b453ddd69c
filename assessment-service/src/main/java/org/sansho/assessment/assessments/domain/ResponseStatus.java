package org.sansho.assessment.assessments.domain;

/** The vendor's answer to one requirement. */
public enum ResponseStatus {
    IMPLEMENTED, PARTIAL, NOT_IMPLEMENTED, NOT_APPLICABLE
}
