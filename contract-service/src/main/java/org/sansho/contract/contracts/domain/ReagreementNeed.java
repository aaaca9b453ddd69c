package org.sansho.contract.contracts.domain;

/** A baseline version that was superseded, and the version that superseded it (合意の維持, 2省GL §3.2.2). */
public record ReagreementNeed(VersionRef superseded, VersionRef by) {
}
