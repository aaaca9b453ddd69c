package org.sansho.assessment.timeline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.timeline.domain.TimelineRule;
import org.sansho.platform.events.CloudEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes the timeline lines of contract and assessment events, in the inbox transaction of the event. An event
 * without its contract context (contract, hospital, vendor) makes no line; a redelivered one (same id) changes
 * nothing. A line is placed at the moment the payload names ({@code occurredAt}) or else at the event's time.
 */
@ApplicationScoped
public class TimelineProjection {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public TimelineProjection(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CloudEvent event) {
        TimelineRule.line(event.type()).ifPresent(line -> {
            JsonNode data = event.data();
            UUID contract = uuid(data, "contractId");
            UUID hospital = uuid(data, "hospitalId");
            UUID vendor = uuid(data, "vendorId");
            if (contract == null || hospital == null || vendor == null) {
                return;
            }
            ObjectNode detail = json.createObjectNode();
            for (String field : line.fields()) {
                JsonNode value = data.get(field);
                if (value != null && !value.isNull()) {
                    detail.set(field, value);
                }
            }
            em.createNativeQuery("""
                            insert into contract_timeline (event_id, contract_id, hospital_id, vendor_id, occurred_at,
                                kind, type, detail, recorded_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9)
                            on conflict (event_id) do nothing""")
                    .setParameter(1, event.id()).setParameter(2, contract).setParameter(3, hospital)
                    .setParameter(4, vendor).setParameter(5, occurredAt(event))
                    .setParameter(6, line.kind().name()).setParameter(7, event.type())
                    .setParameter(8, detail.toString()).setParameter(9, clock.instant()).executeUpdate();
        });
    }

    private Instant occurredAt(CloudEvent event) {
        JsonNode at = event.data().get("occurredAt");
        if (at != null && at.isTextual()) {
            try {
                return OffsetDateTime.parse(at.asText()).toInstant();
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall back to the envelope's time
            }
        }
        return event.time() != null ? event.time().toInstant() : clock.instant();
    }

    private static UUID uuid(JsonNode data, String field) {
        JsonNode v = data == null ? null : data.get(field);
        if (v == null || !v.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
