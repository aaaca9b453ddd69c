package org.sansho.assessment.findings.domain;

/** OPEN until remediated (RESOLVED) or until a named approver accepts the risk until an expiry (RISK_ACCEPTED). */
public enum FindingStatus {
    OPEN, RESOLVED, RISK_ACCEPTED
}
