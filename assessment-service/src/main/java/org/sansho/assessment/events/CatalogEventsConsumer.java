package org.sansho.assessment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.assessment.assessments.service.AssessmentAudit;
import org.sansho.assessment.assessments.service.AssessmentItemsWorker;
import org.sansho.assessment.assessments.service.Rebaselining;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.catalog.ApplicableRequirementsQuery;
import org.sansho.platform.inbox.Inbox;
import org.sansho.platform.inbox.PoisonEventException;

import java.util.List;
import java.util.Set;

/**
 * Catalog facts: a published version that supersedes one in an open assessment's baseline makes it STALE, and so
 * does a revision that corrects the requirements of a version in its baseline.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String CONSUMER = "assessment-service.catalog-events";

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final Rebaselining rebaselining;
    private final ApplicableRequirementsQuery catalog;
    private final AssessmentItemsWorker items;

    private final AssessmentAudit audit;

    public CatalogEventsConsumer(Inbox inbox, CloudEventCodec codec, Rebaselining rebaselining,
                                 ApplicableRequirementsQuery catalog, AssessmentItemsWorker items,
                                 AssessmentAudit audit) {
        this.items = items;
        this.catalog = catalog;
        this.audit = audit;
        this.inbox = inbox;
        this.codec = codec;
        this.rebaselining = rebaselining;
    }

    @Incoming("catalog-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, Set.of(AssessmentEventTypes.CATALOG_VERSION_PUBLISHED,
                AssessmentEventTypes.CATALOG_VERSION_REVISED), event -> {
            audit.actAs(CONSUMER, "event:" + event.id());
            // What the catalog now holds may be what an unresolved assessment lacked: it asks again.
            items.retryUnresolved();
            if (AssessmentEventTypes.CATALOG_VERSION_REVISED.equals(event.type())) {
                GuidelineVersionRevisedV1 revised = codec.data(event, GuidelineVersionRevisedV1.class);
                if (revised.guidelineId() == null || revised.guidelineId().isBlank() || revised.version() == null
                        || revised.version().isBlank()) {
                    throw new PoisonEventException("event " + event.id() + " is not a complete guideline-version.revised");
                }
                // The version's requirements were corrected in place: an open assessment on it is STALE as on a
                // publication, superseded by the corrected transcription of the same version.
                catalog.forgetAll();
                VersionRef same = new VersionRef(revised.guidelineId(), revised.version());
                rebaselining.markStale(new GuidelineVersionPublishedV1(revised.guidelineId(), revised.version(),
                        List.of(same), revised.addedKeys(), revised.removedKeys(), revised.changedKeys()));
            } else {
                rebaselining.markStale(codec.data(event, GuidelineVersionPublishedV1.class));
            }
        });
    }
}
