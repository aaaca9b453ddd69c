package org.sansho.contract.contracts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.contract.catalog.PublishedVersionContent;
import org.sansho.contract.catalog.PublishedVersions;
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

    /** org.sansho.catalog.guideline-version.superseded.v1 as this service reads it (GuidelineVersionSupersededV1). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record GuidelineVersionSupersededV1(String guidelineId, String version, VersionRef supersededBy) {
    }

    /** org.sansho.catalog.guideline-version.revised.v1 as this service reads it (GuidelineVersionRevisedV1). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record GuidelineVersionRevisedV1(String guidelineId, String version, List<String> addedKeys,
                                            List<String> removedKeys, List<String> changedKeys) {
    }

    private static final Set<String> HANDLED = Set.of(ContractEventTypes.GUIDELINE_VERSION_PUBLISHED,
            ContractEventTypes.GUIDELINE_VERSION_SUPERSEDED, ContractEventTypes.GUIDELINE_VERSION_REVISED);

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final ReagreementService reagreements;
    private final PublishedVersions versions;

    private final AuditTrail audit;

    public CatalogEventsConsumer(Inbox inbox, CloudEventCodec codec, ReagreementService reagreements,
                                 PublishedVersions versions, AuditTrail audit) {
        this.versions = versions;
        this.inbox = inbox;
        this.codec = codec;
        this.reagreements = reagreements;
        this.audit = audit;
    }

    @Incoming("catalog-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, HANDLED, this::apply);
    }

    private void apply(CloudEvent event) {
        switch (event.type()) {
            case ContractEventTypes.GUIDELINE_VERSION_SUPERSEDED -> superseded(event);
            case ContractEventTypes.GUIDELINE_VERSION_REVISED -> revised(event);
            default -> published(event);
        }
    }

    private void superseded(CloudEvent event) {
        GuidelineVersionSupersededV1 s = codec.data(event, GuidelineVersionSupersededV1.class);
        if (blank(s.guidelineId()) || blank(s.version())) {
            throw new PoisonEventException("event " + event.id() + " is not a complete guideline-version.superseded");
        }
        versions.superseded(new VersionRef(s.guidelineId(), s.version()));
    }

    private void revised(CloudEvent event) {
        GuidelineVersionRevisedV1 r = codec.data(event, GuidelineVersionRevisedV1.class);
        if (blank(r.guidelineId()) || blank(r.version()) || r.addedKeys() == null || r.removedKeys() == null
                || r.changedKeys() == null) {
            throw new PoisonEventException("event " + event.id() + " is not a complete guideline-version.revised");
        }
        VersionRef ref = new VersionRef(r.guidelineId(), r.version());
        PublishedVersionContent before = versions.content(ref);
        versions.record(ref, PublishedVersions.PUBLISHED, PublishedVersionContent.after(before, true, r.addedKeys(),
                r.removedKeys(), r.changedKeys()));
    }

    private void published(CloudEvent event) {
        GuidelineVersionPublishedV1 published = codec.data(event, GuidelineVersionPublishedV1.class);
        if (blank(published.guidelineId()) || blank(published.version()) || published.supersedes() == null
                || published.supersedes().stream().anyMatch(r -> r == null || blank(r.guidelineId())
                || blank(r.version()))) {
            throw new PoisonEventException("event " + event.id() + " is not a complete guideline-version.published");
        }
        audit.actAs(AuditActor.system(CONSUMER), "event:" + event.id());
        VersionRef by = new VersionRef(published.guidelineId(), published.version());
        VersionRef predecessor = published.supersedes().stream()
                .filter(r -> r.guidelineId().equals(published.guidelineId())).findFirst().orElse(null);
        versions.record(by, PublishedVersions.PUBLISHED, PublishedVersionContent.after(
                predecessor == null ? null : versions.content(predecessor), predecessor != null,
                orEmpty(published.addedKeys()), orEmpty(published.removedKeys()), orEmpty(published.changedKeys())));
        for (VersionRef superseded : published.supersedes()) {
            reagreements.openForPublication(new GuidelineChange(superseded, by, published.addedKeys(),
                    published.changedKeys(), published.removedKeys()));
        }
    }

    private static List<String> orEmpty(List<String> keys) {
        return keys == null ? List.of() : keys;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
