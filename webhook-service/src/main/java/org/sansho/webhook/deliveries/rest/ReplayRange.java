package org.sansho.webhook.deliveries.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "Replay every delivery of the endpoint planned in [from, to)")
public record ReplayRange(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to) {
}
