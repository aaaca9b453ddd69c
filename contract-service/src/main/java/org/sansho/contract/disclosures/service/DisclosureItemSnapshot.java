package org.sansho.contract.disclosures.service;

import org.sansho.contract.disclosures.domain.Evidence;
import org.sansho.contract.disclosures.domain.ReviewDecision;
import org.sansho.contract.disclosures.domain.RowStatus;
import org.sansho.contract.disclosures.persistence.DisclosureItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the audit trail digests of a disclosure row before and after a change, independent of the API's view. */
public record DisclosureItemSnapshot(UUID contractId, String rowKey, String ref, RowStatus status, String statement,
                                     List<Evidence> evidence, String answeredBy, Instant answeredAt,
                                     ReviewDecision reviewDecision, String reviewComment, String reviewedBy,
                                     Instant reviewedAt) {

    public static DisclosureItemSnapshot of(DisclosureItem i) {
        return new DisclosureItemSnapshot(i.contractId, i.rowKey, i.ref, i.status, i.statement, i.evidence,
                i.answeredBy, i.answeredAt, i.reviewDecision, i.reviewComment, i.reviewedBy, i.reviewedAt);
    }
}
