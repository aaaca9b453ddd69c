package org.sansho.webhook.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.platform.inbox.Inbox;
import org.sansho.webhook.deliveries.service.DeliveryPlanner;

/**
 * The three topics of the suite, each through the inbox with this service's own consumer group: every event is
 * matched against the subscriptions once, even when it is delivered again.
 */
@ApplicationScoped
public class SuiteEventsConsumer {

    static final String CATALOG = "webhook-service.catalog-events";
    static final String CONTRACT = "webhook-service.contract-events";
    static final String ASSESSMENT = "webhook-service.assessment-events";

    private final Inbox inbox;
    private final DeliveryPlanner planner;

    public SuiteEventsConsumer(Inbox inbox, DeliveryPlanner planner) {
        this.inbox = inbox;
        this.planner = planner;
    }

    @Incoming("catalog-events")
    @Blocking
    public void catalog(String value) {
        inbox.receive(CATALOG, value, planner::plan);
    }

    @Incoming("contract-events")
    @Blocking
    public void contract(String value) {
        inbox.receive(CONTRACT, value, planner::plan);
    }

    @Incoming("assessment-events")
    @Blocking
    public void assessment(String value) {
        inbox.receive(ASSESSMENT, value, planner::plan);
    }
}
