package org.sansho.contract.disclosures.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.platform.events.DataSchema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hospital accepted the last open row of the contract's disclosure package: both sides share the understanding
 * of what was disclosed (共通理解, 2省GL §3.2.1).
 *
 * @param rows       rows of the package, all accepted
 * @param copiedFrom the vendor's earlier package the answers started from, or null
 * @param reachedAt  when the last row was accepted
 */
@DataSchema("DisclosureSharedUnderstandingReachedV1")
public record SharedUnderstandingReached(@JsonUnwrapped ContractContext context, int rows, UUID copiedFrom,
                                         OffsetDateTime reachedAt) {
}
