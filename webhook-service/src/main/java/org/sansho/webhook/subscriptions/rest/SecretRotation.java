package org.sansho.webhook.subscriptions.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A secret rotation: the previous secret keeps signing (a second signature) for the overlap")
public record SecretRotation(
        @Min(0) @Max(604800)
        @Schema(description = "Seconds the previous secret stays valid, 0 to 604800 (7 days); default 86400")
        Integer overlapSeconds) {
}
