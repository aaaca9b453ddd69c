package org.sansho.contract.contracts.domain;

/** Who carries one requirement or role-sharing checklist item, with a note. */
public record Responsibility(String key, ResponsibleParty party, String note) {
}
