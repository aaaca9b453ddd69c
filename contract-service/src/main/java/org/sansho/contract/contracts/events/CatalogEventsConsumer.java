package org.sansho.contract.contracts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.reagreements.service.GuidelineChange;
import org.sansho.contract.reagreements.service.ReagreementService;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.inbox.Inbox;
import org.sansho.platform.inbox.PoisonEventException;

import java.util.List;
import java.util.Set;

/**
 * A newly published guideline version that supersedes one in a live contract's baseline opens a re-agreement case
 * (合意の維持, 2省GL §3.2.2) naming the requirement keys it added, changed and removed.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    public static final String CONSUMER = "contract-service.catalog-events";

    /**
     * org.sansho.catalog.guideline-version.published.v1 as this service reads it (docs/asyncapi.yaml,
     * GuidelineVersionPublishedV1): the key lists say what changed against the superseded versions.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record GuidelineVersionPublishedV1(String guidelineId, String version, List<VersionRef> supersedes,
                                              List<String> addedKeys, List<String> removedKeys,
                                              List<String> changedKeys) {
    }

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final ReagreementService reagreements;

    private final AuditTrail audit;

    public CatalogEventsConsumer(Inbox inbox, CloudEventCodec codec, ReagreementService reagreements,
                                 AuditTrail audit) {
        this.inbox = inbox;
        this.codec = codec;
        this.reagreements = reagreements;
        this.audit = audit;
    }

    @Incoming("catalog-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, Set.of(ContractEventTypes.GUIDELINE_VERSION_PUBLISHED), this::apply);
    }

    private void apply(CloudEvent event) {
        GuidelineVersionPublishedV1 published = codec.data(event, GuidelineVersionPublishedV1.class);
        if (blank(published.guidelineId()) || blank(published.version()) || published.supersedes() == null
                || published.supersedes().stream().anyMatch(r -> r == null || blank(r.guidelineId())
                || blank(r.version()))) {
            throw new PoisonEventException("event " + event.id() + " is not a complete guideline-version.published");
        }
        audit.actAs(AuditActor.system(CONSUMER), "event:" + event.id());
        VersionRef by = new VersionRef(published.guidelineId(), published.version());
        for (VersionRef superseded : published.supersedes()) {
            reagreements.openForPublication(new GuidelineChange(superseded, by, published.addedKeys(),
                    published.changedKeys(), published.removedKeys()));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
