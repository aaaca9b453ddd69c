package org.sansho.contract.invitations.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.invitations.service.ExchangedLink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A bearer token scoped to one contract and a few operations, acting as the vendor")
public record ExchangeView(
        @Schema(description = "The bearer token (JWT) for the Authorization header") String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the token expires", example = "1800") long expiresIn,
        Instant expiresAt, UUID contractId, UUID vendorId,
        @Schema(description = "The operations the token may call on the contract",
                example = "[\"disclosure.read\", \"disclosure.answer\"]") List<String> operations) {

    public static ExchangeView of(ExchangedLink e) {
        return new ExchangeView(e.accessToken(), "Bearer", e.expiresInSeconds(), e.expiresAt(), e.contractId(),
                e.vendorId(), e.operations());
    }
}
