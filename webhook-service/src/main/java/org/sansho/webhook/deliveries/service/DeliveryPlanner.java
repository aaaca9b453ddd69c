package org.sansho.webhook.deliveries.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.transaction.AfterCommit;
import org.sansho.webhook.deliveries.domain.DeliveryStatus;
import org.sansho.webhook.deliveries.domain.EventParties;
import org.sansho.webhook.deliveries.domain.EventViewPolicy;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a consumed event into deliveries, inside the inbox transaction: it matches the event against the
 * subscriptions of the organizations it concerns and inserts one delivery per matching endpoint, with the body that
 * subscriber may see. It never calls out, so a slow or dead receiver cannot hold up the consumer (nor any other
 * service's); the {@link Dispatcher} sends after the commit.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private final EntityManager em;
    private final CloudEventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public DeliveryPlanner(EntityManager em, CloudEventCodec codec, TransactionSynchronizationRegistry transactions,
                           Dispatcher dispatcher, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.codec = codec;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    /** @return how many deliveries the event made */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(CloudEvent event) {
        EventParties parties = EventParties.of(event.type(), event.data());
        List<WebhookEndpoint> candidates = parties.isPublic()
                ? WebhookEndpoint.<WebhookEndpoint>listAll()
                : parties.organizations().isEmpty() ? List.of()
                : WebhookEndpoint.list("organizationId in ?1", parties.organizations());
        Map<UUID, EventParties.Audience> audiences = new HashMap<>();
        for (WebhookEndpoint endpoint : candidates) {
            Optional<EventParties.Audience> audience = parties.audienceOf(endpoint.organizationId);
            if (subscribed(endpoint, event.type()) && audience.isPresent()) {
                audiences.put(endpoint.id, audience.get());
            }
        }
        if (audiences.isEmpty()) {
            return 0;
        }
        // The endpoints' rows before the new deliveries (the service's one lock order, Subscriptions#remove): an
        // endpoint that is being removed is waited for and, once its removal committed, not found, so no delivery
        // is planned for it (rather than the insert failing on its foreign key and the event being retried).
        @SuppressWarnings("unchecked")
        List<UUID> present = em.createNativeQuery(
                        "select id from webhook_endpoint where id = any(?1) order by id for key share", UUID.class)
                .setParameter(1, audiences.keySet().toArray(UUID[]::new))
                .getResultList();
        Instant now = clock.instant();
        int planned = 0;
        for (WebhookEndpoint endpoint : candidates) {
            EventParties.Audience audience = audiences.get(endpoint.id);
            if (audience == null || !present.contains(endpoint.id)) {
                continue;
            }
            JsonNode data = EventViewPolicy.view(event.type(), event.data(), audience);
            CloudEvent seen = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                    event.subject(), event.time(), event.datacontenttype(), event.dataschema(), data);
            planned += em.createNativeQuery("""
                            insert into webhook_delivery (id, endpoint_id, event_id, event_type, subject, event_time,
                                body, status, attempts, next_attempt_at, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9)
                            on conflict (endpoint_id, event_id) do nothing""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, endpoint.id)
                    .setParameter(3, event.id())
                    .setParameter(4, event.type())
                    .setParameter(5, event.subject() == null ? "" : event.subject())
                    .setParameter(6, event.time() == null ? null : event.time().toInstant())
                    .setParameter(7, codec.write(seen))
                    .setParameter(8, DeliveryStatus.PENDING.name())
                    .setParameter(9, now)
                    .executeUpdate();
        }
        if (planned > 0) {
            AfterCommit.run(transactions, dispatcher::wake);
        }
        return planned;
    }

    private static boolean subscribed(WebhookEndpoint endpoint, String type) {
        for (String pattern : endpoint.eventTypes) {
            if (EventTypePattern.valid(pattern) && new EventTypePattern(pattern).matches(type)) {
                return true;
            }
        }
        return false;
    }
}
