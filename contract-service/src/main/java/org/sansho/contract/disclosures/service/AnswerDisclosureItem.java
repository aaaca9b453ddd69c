package org.sansho.contract.disclosures.service;

import org.sansho.contract.disclosures.domain.Evidence;

import java.util.List;

/** The vendor's answer to one disclosure row. */
public record AnswerDisclosureItem(String statement, List<Evidence> evidence) {
}
