package org.sansho.assessment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.assessment.timeline.service.TimelineProjection;
import org.sansho.platform.inbox.Inbox;

import java.util.Set;

/**
 * This service's own published facts, read back from assessment.events for the contracts' timelines: what the
 * outbox published is what the timeline shows, in the order of the contract's partition.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    static final String CONSUMER = "assessment-service.assessment-events";
    static final Set<String> HANDLED = Set.copyOf(AssessmentEventTypes.PUBLISHED);

    private final Inbox inbox;
    private final TimelineProjection timeline;

    public AssessmentEventsConsumer(Inbox inbox, TimelineProjection timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    /** A poll at a time (the channel has {@code batch=true}): one transaction per poll ({@link Inbox#receiveAll}). */
    @Incoming("assessment-events")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.receiveAll(CONSUMER, records, HANDLED, timeline::record);
    }
}
