package org.sansho.assessment.findings.domain;

/**
 * Risk levels after 2省GL 表5-2 (example criteria, p.34): S needs several layered measures, A must be treated,
 * B and C are decided case by case, D needs no treatment.
 */
public enum RiskLevel {
    S, A, B, C, D
}
