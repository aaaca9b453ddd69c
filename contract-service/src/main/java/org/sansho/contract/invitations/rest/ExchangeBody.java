package org.sansho.contract.invitations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A respondent link's one-time token")
public record ExchangeBody(
        @NotBlank @Size(max = 200)
        @Schema(description = "The token of the link, as the invitation returned it",
                example = "q3Yb0pJv8mX1cZkR5tW2nH7sLdE9aF4gU6iO0yTeBrM")
        String token) {
}
