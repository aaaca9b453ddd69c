package org.sansho.assessment.stream.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Fans the suite's contract and assessment facts out to dashboard subscribers. Each instance reads the topics
 * with its own consumer group from the latest offset (a live view, nothing stored), so every subscriber of every
 * instance sees every fact; who may see which fact is decided per subscriber.
 */
@ApplicationScoped
public class ComplianceEventStream {

    private static final Logger LOG = Logger.getLogger(ComplianceEventStream.class);

    /** One fact as subscribers receive it. */
    public record StreamedEvent(String id, String type, String subject, String time, JsonNode data) {
        /** An organization named in the fact's data ({@code hospitalId}, {@code vendorId}); null when absent. */
        public UUID organization(String field) {
            String value = data == null ? null : data.path(field).asText(null);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Facts a subscriber may lag behind before its stream is ended. */
    static final int BUFFER = 4096;

    private final ObjectMapper mapper;
    private final BroadcastProcessor<StreamedEvent> broadcast = BroadcastProcessor.create();

    public ComplianceEventStream(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Incoming("compliance-stream")
    public void on(String value) {
        try {
            JsonNode event = mapper.readTree(value);
            broadcast.onNext(new StreamedEvent(event.path("id").asText(), event.path("type").asText(),
                    event.path("subject").asText(), event.path("time").asText(null), event.path("data")));
        } catch (Exception e) {
            // A record that is no CloudEvent has nothing to show; it is handled (dead-lettered) by the real consumers.
            LOG.debugf("Not streamed: %s", e.getMessage());
        }
    }

    /**
     * The facts from now on, for one subscriber. Each subscriber has a buffer of its own of {@link #BUFFER} facts,
     * so that a burst (a month-end batch of transitions) does not outrun a subscriber whose connection writes one
     * event at a time; a subscriber that falls further behind than that is ended, and reconnects (SSE clients do
     * so by themselves) to the current state rather than to a silently thinned stream.
     */
    public Multi<StreamedEvent> events() {
        return broadcast.onOverflow().buffer(BUFFER);
    }
}
