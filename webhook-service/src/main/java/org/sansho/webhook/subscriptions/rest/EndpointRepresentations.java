package org.sansho.webhook.subscriptions.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the endpoint API. */
public final class EndpointRepresentations {

    static final String TYPE_PATTERN = "\\*|[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*(\\.\\*)?";

    private EndpointRepresentations() {
    }

    @Schema(description = "A new subscription: where to send which events")
    public record NewEndpoint(
            @NotBlank @Size(max = EndpointAddress.MAX_LENGTH)
            @Schema(description = "https URL of the receiver (http and loopback only where the service allows them)",
                    example = "https://hooks.example-hospital.jp/sansho")
            String url,
            @Size(max = 500) String description,
            @NotNull @Size(min = 1, max = 50)
            @Schema(description = "CloudEvents types, or patterns of whole segments ending in .*, or *",
                    example = "[\"org.sansho.contract.*\", \"org.sansho.assessment.completed.v1\"]")
            List<@NotNull @Size(max = EventTypePattern.MAX_LENGTH) @Pattern(regexp = TYPE_PATTERN) String> eventTypes) {
    }

    @Schema(description = "A change of a subscription; fields left out stay as they are. enabled=true re-enables an "
            + "endpoint that was disabled after failing")
    public record EndpointChange(
            @Size(min = 1, max = EndpointAddress.MAX_LENGTH) String url,
            @Size(max = 500) String description,
            @Size(min = 1, max = 50)
            List<@NotNull @Size(max = EventTypePattern.MAX_LENGTH) @Pattern(regexp = TYPE_PATTERN) String> eventTypes,
            Boolean enabled) {
    }

    @Schema(description = "A secret rotation: the previous secret keeps signing (a second signature) for the overlap")
    public record SecretRotation(
            @Min(0) @Max(604800)
            @Schema(description = "Seconds the previous secret stays valid, 0 to 604800 (7 days); default 86400")
            Integer overlapSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A subscription. secret is present only in the answer that created or rotated it")
    public record EndpointView(UUID id, UUID organizationId, String url, String description, List<String> eventTypes,
                               boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince,
                               Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt, long version,
                               @Schema(description = "whsec_… — shown once; store it to verify the signatures")
                               String secret) {

        public static EndpointView of(WebhookEndpoint e, Instant previousSecretExpiresAt) {
            return new EndpointView(e.id, e.organizationId, e.url, e.description, List.of(e.eventTypes), e.enabled,
                    e.disabledReason, e.disabledAt, e.failingSince, previousSecretExpiresAt, e.createdAt,
                    e.updatedAt, e.version, null);
        }

        public EndpointView withSecret(String revealed) {
            return new EndpointView(id, organizationId, url, description, eventTypes, enabled, disabledReason,
                    disabledAt, failingSince, previousSecretExpiresAt, createdAt, updatedAt, version, revealed);
        }
    }
}
