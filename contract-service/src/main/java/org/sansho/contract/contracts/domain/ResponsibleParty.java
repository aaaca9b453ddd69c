package org.sansho.contract.contracts.domain;

/** Who carries a requirement (2省GL §4.2 role sharing). */
public enum ResponsibleParty {
    HOSPITAL, VENDOR, SHARED
}
