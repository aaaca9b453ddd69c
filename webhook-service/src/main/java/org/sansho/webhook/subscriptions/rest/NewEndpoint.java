package org.sansho.webhook.subscriptions.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.service.SubscribeEndpoint;

import java.util.List;

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
        List<@NotNull @Size(max = EventTypePattern.MAX_LENGTH) @Pattern(regexp = EventTypePattern.REGEX) String> eventTypes) {

    public SubscribeEndpoint toCommand() {
        return new SubscribeEndpoint(url, description, eventTypes);
    }
}
