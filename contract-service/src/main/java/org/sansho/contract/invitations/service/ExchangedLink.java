package org.sansho.contract.invitations.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an exchanged link gives: a bearer token scoped to one contract and a few operations, as the vendor. */
public record ExchangedLink(String accessToken, Instant expiresAt, long expiresInSeconds, UUID contractId,
                            UUID vendorId, List<String> operations) {
}
