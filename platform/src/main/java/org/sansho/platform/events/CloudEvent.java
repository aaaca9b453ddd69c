package org.sansho.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, the one shape every event of the suite travels in.
 * The type carries a version suffix ({@code org.sansho.contract.state-changed.v1}); the subject is the id of the
 * aggregate the event is about, which is also the Kafka record key; the dataschema names the payload's schema in
 * docs/asyncapi.yaml.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /**
     * Where a {@code dataschema} points: the payload schemas of docs/asyncapi.yaml, whose major and minor version is
     * in the path ({@link DataSchema}).
     */
    public static final String DATA_SCHEMA_BASE = "https://sansho.dev/asyncapi/1.0#/components/schemas/";
    /** Content type of a structured-mode CloudEvent record value. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
