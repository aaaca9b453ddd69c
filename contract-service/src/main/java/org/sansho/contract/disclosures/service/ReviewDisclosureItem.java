package org.sansho.contract.disclosures.service;

import org.sansho.contract.disclosures.domain.ReviewDecision;

/** The hospital's review of one answered disclosure row. */
public record ReviewDisclosureItem(ReviewDecision decision, String comment) {
}
