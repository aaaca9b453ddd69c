package org.sansho.contract.contracts.domain;

/**
 * One transition guard that did not hold: its name, the guideline rule it enforces, and why.
 *
 * @param guard  e.g. {@code pre-contract-assessment-acceptable}
 * @param rule   the guideline section, e.g. {@code 2省GL §3.2.2}
 * @param reason what is missing for the guard to hold
 */
public record GuardFailure(String guard, String rule, String reason) {
}
