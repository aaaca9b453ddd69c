package org.sansho.webhook.subscriptions.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.service.ChangeEndpoint;

import java.util.List;

@Schema(description = "A change of a subscription; fields left out stay as they are. enabled=true re-enables an "
        + "endpoint that was disabled after failing")
public record EndpointChange(
        @Size(min = 1, max = EndpointAddress.MAX_LENGTH) String url,
        @Size(max = 500) String description,
        @Size(min = 1, max = 50)
        List<@NotNull @Size(max = EventTypePattern.MAX_LENGTH) @Pattern(regexp = EventTypePattern.REGEX) String> eventTypes,
        Boolean enabled) {

    public ChangeEndpoint toCommand() {
        return new ChangeEndpoint(url, description, eventTypes, enabled);
    }
}
