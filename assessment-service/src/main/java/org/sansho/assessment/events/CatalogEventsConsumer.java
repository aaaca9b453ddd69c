package org.sansho.assessment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.assessment.assessments.service.AssessmentAudit;
import org.sansho.assessment.assessments.service.Rebaselining;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.inbox.Inbox;

import java.util.Set;

/** Catalog facts: a published version that supersedes one in an open assessment's baseline makes it STALE. */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String CONSUMER = "assessment-service.catalog-events";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final Rebaselining rebaselining;

    private final AssessmentAudit audit;

    public CatalogEventsConsumer(Inbox inbox, CloudEventCodec codec, Rebaselining rebaselining,
                                 AssessmentAudit audit) {
        this.audit = audit;
        this.inbox = inbox;
        this.codec = codec;
        this.rebaselining = rebaselining;
    }

    @Incoming("catalog-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, Set.of(AssessmentEventTypes.CATALOG_VERSION_PUBLISHED), event -> {
            audit.actAs(CONSUMER, "event:" + event.id());
            rebaselining.markStale(codec.data(event, GuidelineVersionPublishedV1.class));
        });
    }
}
