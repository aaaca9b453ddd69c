package org.sansho.assessment.findings.domain;

/**
 * Treatment options of 2省GL 表5-3 / 図5-2: REDUCE (the default, preferably layered), AVOID (high impact and
 * high likelihood), SHARE (e.g. insurance, contract), RETAIN (residual risk only).
 */
public enum RiskTreatment {
    REDUCE, AVOID, SHARE, RETAIN
}
