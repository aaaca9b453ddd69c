package org.sansho.webhook.deliveries.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom an event concerns, so that a subscriber receives exactly what its API reads would show. Catalog events are
 * public reference data (the same for everyone); a contract's or an assessment's event concerns its hospital and its
 * vendor ({@code hospitalId}, {@code vendorId} in the payload); an event about one organization (a certification
 * expiring: {@code organizationId}) concerns that organization. An event of a record that is the hospital's alone
 * (a respondent invitation, which only the hospital's procurement lists, issues and revokes) concerns the hospital,
 * never the vendor it names. An event of any other shape concerns nobody: it is delivered to no subscriber rather
 * than to the wrong one.
 */
public record EventParties(boolean isPublic, UUID hospital, UUID vendor, UUID organization) {

    static final String CATALOG_PREFIX = "org.sansho.catalog.";
    /** Types of the hospital's own records: the vendor's API reads never show them (docs/security.md). */
    static final List<EventTypePattern> HOSPITAL_ONLY = List.of(
            new EventTypePattern("org.sansho.contract.respondent-invitation.*"));

    public static EventParties of(String type, JsonNode data) {
        if (type != null && type.startsWith(CATALOG_PREFIX)) {
            return new EventParties(true, null, null, null);
        }
        boolean hospitalOnly = HOSPITAL_ONLY.stream().anyMatch(p -> p.matches(type));
        return new EventParties(false, id(data, "hospitalId"), hospitalOnly ? null : id(data, "vendorId"),
                hospitalOnly ? null : id(data, "organizationId"));
    }

    /** Which side {@code subscriber} sees the event from, or empty when it is no party to it. */
    public Optional<Audience> audienceOf(UUID subscriber) {
        if (isPublic) {
            return Optional.of(Audience.PUBLIC);
        }
        if (subscriber.equals(hospital)) {
            return Optional.of(Audience.HOSPITAL);
        }
        if (subscriber.equals(vendor)) {
            return Optional.of(Audience.VENDOR);
        }
        if (subscriber.equals(organization)) {
            return Optional.of(Audience.ORGANIZATION);
        }
        return Optional.empty();
    }

    /** The organizations that may receive it (empty for a public event, which everyone may). */
    public java.util.Set<UUID> organizations() {
        java.util.Set<UUID> orgs = new java.util.HashSet<>();
        for (UUID id : new UUID[]{hospital, vendor, organization}) {
            if (id != null) {
                orgs.add(id);
            }
        }
        return orgs;
    }

    private static UUID id(JsonNode data, String field) {
        if (data == null || !data.path(field).isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The side an event is seen from. */
    public enum Audience {
        /** Reference data, the same for everyone. */
        PUBLIC,
        /** The contract's hospital. */
        HOSPITAL,
        /** The contract's vendor. */
        VENDOR,
        /** The organization the event is about. */
        ORGANIZATION
    }
}
