package org.sansho.contract.reagreements.domain;

/** Why an agreement must be renewed (合意の維持, 2省GL §3.2.2). */
public enum ReagreementTrigger {
    /** The catalog published a version that supersedes one in the contract's baseline. */
    GUIDELINE_VERSION_PUBLISHED,
    /** An amendment changed what both sides agreed on: the baseline, the SLA or the responsibility split. */
    AMENDMENT
}
