package org.sansho.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.platform.inbox.PoisonEventException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Builds, writes and reads {@link CloudEvent}s with the application's object mapper. */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;
    private final Clock clock;

    public CloudEventCodec(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A new event; its dataschema is the one the payload's class names ({@link DataSchema}), if any. */
    public CloudEvent create(String source, String type, String subject, Object data) {
        DataSchema schema = data == null ? null : data.getClass().getAnnotation(DataSchema.class);
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), CloudEvent.JSON,
                schema == null ? null : CloudEvent.DATA_SCHEMA_BASE + schema.value(), mapper.valueToTree(data));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CloudEvent could not be serialised", e);
        }
    }

    /**
     * Reads a structured-mode CloudEvent. Anything that is not one (bad JSON, missing id/type/source, another
     * spec version) is a poison message: retrying it can never succeed.
     */
    public CloudEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(value, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getOriginalMessage());
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("unsupported specversion " + event.specversion());
        }
        if (isBlank(event.id()) || isBlank(event.type()) || isBlank(event.source())) {
            throw new PoisonEventException("CloudEvent without id, type or source");
        }
        return event;
    }

    /** Maps the event's data to the payload type the consumer expects; a mismatch is a poison message. */
    public <T> T data(CloudEvent event, Class<T> type) {
        JsonNode data = event.data();
        if (data == null || data.isNull()) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " has no data");
        }
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type()
                    + " has data that is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
