package org.sansho.contract.contracts.domain;

/** One guideline version of a contract's baseline, e.g. mhlw-medical-information-security 6.0. */
public record VersionRef(String guidelineId, String version) {
}
