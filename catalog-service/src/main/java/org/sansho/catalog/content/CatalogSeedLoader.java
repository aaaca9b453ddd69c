package org.sansho.catalog.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sansho.catalog.events.CatalogEventTypes;
import org.sansho.catalog.events.GuidelineVersionPublished;
import org.sansho.catalog.events.GuidelineVersionRevised;
import org.sansho.catalog.events.GuidelineVersionSuperseded;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.MappingRelation;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementDiff;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.Threat;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.VersionStatus;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.DisclosureTemplateEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.persistence.MappingEntity;
import org.sansho.catalog.guidelines.persistence.SectionEntity;
import org.sansho.catalog.guidelines.persistence.ThreatEntity;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads the content files at start-up, idempotently, and keeps the database in step with them across releases.
 * What the database lacks is added. The content of a version that came from the files (its transcription of the
 * official text: numbering, wording, verification) follows the files: when a release corrects it, the version's
 * sections and requirements are replaced in place, with an audit record and, unless this is the catalog's first load,
 * a {@code guideline-version.revised} event naming the keys added, removed and changed, so that open assessments on
 * that version can be brought up to date. Threats, templates and seed mappings (those no draft defined) follow the
 * files too. What an administrator did stays: a DRAFT with a seed version's label is left alone, a status only moves
 * forward (PUBLISHED to SUPERSEDED), lineage links are only added. On a first load nothing is announced (the seed is
 * the catalog's starting state, not news); later, a seed version that arrives PUBLISHED is announced as a
 * publication is. Invalid content stops the start-up with every problem listed. Replicas starting together
 * serialise on an advisory lock. A start whose content is the one loaded last (by its digest) reads nothing
 * ({@link #loadIfChanged}).
 */
@ApplicationScoped
public class CatalogSeedLoader {

    private static final Logger LOG = Logger.getLogger(CatalogSeedLoader.class);
    private static final long LOCK = 0x5a45_4341_5441L;

    private final EntityManager em;
    private final CatalogStore store;
    private final CatalogReader reader;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final boolean enabled;
    private final Clock clock;

    public CatalogSeedLoader(EntityManager em, CatalogStore store, CatalogReader reader, Outbox outbox,
                             AuditTrail audit, Clock clock,
                             @ConfigProperty(name = "sansho.catalog.seed.enabled", defaultValue = "true") boolean enabled) {
        this.em = em;
        this.clock = clock;
        this.store = store;
        this.reader = reader;
        this.outbox = outbox;
        this.audit = audit;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            loadIfChanged(CatalogContentDigest.ofBundledContent(), CatalogContentValidator::readValid);
        }
    }

    /**
     * Loads the content unless the database holds it already: when the content last loaded had this same
     * {@code digest} ({@link CatalogContentDigest}), the files are neither read nor checked again. A restart of the
     * same build then costs one query instead of reading, checking and comparing the whole catalog. The content of
     * a build was checked by that build's tests and by its first start; seed rows are never deleted (the API has no
     * delete), so nothing can be missing that the files would add.
     *
     * @param digest the bundled content's digest; empty when it could not be made, and then the content is read
     * @return whether the content was read and loaded
     */
    @Transactional
    public boolean loadIfChanged(Optional<String> digest, Supplier<CatalogContent> content) {
        lock();
        if (digest.isPresent() && digest.equals(loadedDigest())) {
            LOG.infof("Catalog content unchanged since it was loaded (digest %s): not read again",
                    digest.get().substring(0, 12));
            return false;
        }
        loadLocked(content.get());
        digest.ifPresent(d -> em.createNativeQuery("""
                        insert into catalog_seed (id, content_digest, loaded_at) values (1, ?1, now())
                        on conflict (id) do update set content_digest = excluded.content_digest,
                            loaded_at = excluded.loaded_at""")
                .setParameter(1, d).executeUpdate());
        return true;
    }

    /** The digest of the content last loaded, if any. */
    @Transactional
    public Optional<String> loadedDigest() {
        return em.createNativeQuery("select content_digest from catalog_seed where id = 1", String.class)
                .getResultList().stream().map(String.class::cast).findFirst();
    }

    /** Loads {@code content} whatever was loaded before: what is missing is added, nothing is rewritten. */
    @Transactional
    public void load(CatalogContent content) {
        lock();
        loadLocked(content);
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    private void loadLocked(CatalogContent content) {
        boolean firstLoad = GuidelineEntity.count() == 0;
        SeedChanges changes = new SeedChanges(firstLoad);
        syncThreats(content, changes);
        syncGuidelines(content);
        syncVersions(content, changes);
        syncMappings(content, changes);
        syncTemplates(content, changes);
        if (!changes.isEmpty()) {
            audit.actAs(AuditActor.system("catalog-service.seed"), null);
            audit.record("catalog.seeded", "catalog", "seed", List.of(), null, changes.summary());
        }
        if (!changes.revised.isEmpty() || !changes.statusChanged.isEmpty()) {
            reader.forgetAfterCommit();
        }
        LOG.infof("Catalog content: %s", changes.summary());
    }

    private void syncThreats(CatalogContent content, SeedChanges changes) {
        Map<String, Threat> stored = new HashMap<>();
        ThreatEntity.<ThreatEntity>listAll().forEach(e -> stored.put(e.code, CatalogStore.threat(e)));
        for (Threat t : content.threats()) {
            if (!t.equals(stored.get(t.code()))) {
                store.writeThreat(t);
                changes.threats++;
            }
        }
    }

    private void syncGuidelines(CatalogContent content) {
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            GuidelineEntity e = GuidelineEntity.findById(g.id());
            boolean isNew = e == null;
            if (isNew) {
                e = new GuidelineEntity();
                e.createdAt = clock.instant();
                e.id = g.id();
            }
            e.issuer = g.issuer();
            e.audience = g.audience();
            e.titleJa = g.title().ja();
            e.titleEn = g.title().en();
            if (isNew) {
                e.persist();
            }
        }
    }

    /**
     * Versions: a new one is written whole; an existing seed version takes the shipped metadata and, when its
     * content differs from the shipped content, the shipped content in place of its own (a correction of the
     * transcription: numbering, wording, verification). Status only ever moves forward (PUBLISHED to SUPERSEDED), and
     * lineage links are only added: what an administrator published on top of the seed stays as it is.
     */
    private void syncVersions(CatalogContent content, SeedChanges changes) {
        Map<String, GuidelineVersionEntity> inserted = new LinkedHashMap<>();
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                String fileKey = CatalogContent.fileKey(g.id(), v.version());
                CatalogContent.VersionFile file = content.versionFiles().get(fileKey);
                Optional<GuidelineVersionEntity> existing = GuidelineVersionEntity.find(g.id(), v.version());
                if (existing.isEmpty()) {
                    inserted.put(fileKey, insert(g.id(), v, file));
                    changes.versions.add(fileKey);
                } else {
                    revise(existing.get(), v, file, changes);
                }
            }
        }
        // Lineage after all versions exist: a link may point at a version listed later or in another guideline.
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                GuidelineVersionEntity e = GuidelineVersionEntity.find(g.id(), v.version()).orElseThrow();
                List<Long> linked = store.supersededIds(e.id);
                for (CatalogContent.LineageRef s : v.supersedes()) {
                    GuidelineVersionEntity.find(s.guideline(), s.version())
                            .filter(old -> !linked.contains(old.id))
                            .ifPresent(old -> store.link(e.id, old.id));
                }
            }
        }
        if (!changes.firstLoad) {
            // A version that arrives with a later release of the content is news, as a publication is; so is the
            // end of the one it supersedes.
            for (String fileKey : changes.statusChanged) {
                String[] parts = fileKey.split("/", 2);
                announceSupersession(GuidelineVersionEntity.find(parts[0], parts[1]).orElseThrow());
            }
            inserted.forEach((fileKey, e) -> {
                if (e.status == VersionStatus.PUBLISHED) {
                    announcePublication(e);
                }
            });
        }
    }

    private void revise(GuidelineVersionEntity e, CatalogContent.VersionEntry v, CatalogContent.VersionFile file,
                        SeedChanges changes) {
        String fileKey = CatalogContent.fileKey(e.guidelineId, e.label);
        if (e.status == VersionStatus.DRAFT) {
            return; // a draft with a seed version's label belongs to an administrator
        }
        Object before = store.info(e);
        e.publishedOn = v.publishedOn();
        e.sourceTitle = v.source() == null ? null : v.source().title();
        e.sourceUrl = v.source() == null ? null : v.source().url();
        e.notesJa = v.notes() == null ? null : v.notes().ja();
        e.notesEn = v.notes() == null ? null : v.notes().en();
        if (e.status == VersionStatus.PUBLISHED && v.status() == VersionStatus.SUPERSEDED) {
            e.status = VersionStatus.SUPERSEDED;
            changes.statusChanged.add(fileKey);
        }
        if (file == null) {
            return;
        }
        VersionContent stored = store.load(e);
        List<Section> sections = file.sections().stream()
                .map(s -> new Section(s.number(), s.parent(), s.title())).toList();
        List<Requirement> requirements = file.requirements();
        if (e.hasContent && stored.sections().equals(sections) && stored.requirements().equals(requirements)) {
            return;
        }
        Long id = e.id;
        store.clearContent(id);
        GuidelineVersionEntity version = GuidelineVersionEntity.findById(id);
        version.hasContent = true;
        writeContent(version, file);
        RequirementDiff diff = RequirementDiff.between(stored.requirements(), requirements);
        changes.revised.add(fileKey);
        audit.actAs(AuditActor.system("catalog-service.seed"), null);
        audit.record("guideline-version.content-revised", "guideline-version", e.guidelineId + "/" + e.label,
                List.of(), Map.of("info", before, "requirements", stored.requirements().size()),
                Map.of("info", store.info(version), "requirements", requirements.size(), "added", diff.addedKeys(),
                        "removed", diff.removedKeys(), "changed", diff.changedKeys()));
        if (!changes.firstLoad) {
            outbox.publish(CatalogEventTypes.AGGREGATE, e.guidelineId, CatalogEventTypes.VERSION_REVISED,
                    new GuidelineVersionRevised(e.guidelineId, e.label, diff.addedKeys(), diff.removedKeys(),
                            diff.changedKeys()));
        }
    }

    /** The published event of a version that a later release of the content brought, as a publication has it. */
    private void announcePublication(GuidelineVersionEntity e) {
        List<VersionRef> supersedes = new ArrayList<>();
        List<Requirement> previous = List.of();
        for (Long id : store.supersededIds(e.id)) {
            GuidelineVersionEntity old = GuidelineVersionEntity.findById(id);
            supersedes.add(new VersionRef(old.guidelineId, old.label));
            if (old.guidelineId.equals(e.guidelineId) && previous.isEmpty()) {
                previous = store.load(old).requirements();
            }
        }
        RequirementDiff diff = RequirementDiff.between(previous, store.load(e).requirements());
        outbox.publish(CatalogEventTypes.AGGREGATE, e.guidelineId, CatalogEventTypes.VERSION_PUBLISHED,
                new GuidelineVersionPublished(e.guidelineId, e.label, e.publishedOn, supersedes, diff.addedKeys(),
                        diff.removedKeys(), diff.changedKeys()));
    }

    private void announceSupersession(GuidelineVersionEntity old) {
        List<VersionRef> successors = store.info(old).supersededBy();
        VersionRef by = successors.isEmpty() ? null : successors.get(successors.size() - 1);
        outbox.publish(CatalogEventTypes.AGGREGATE, old.guidelineId, CatalogEventTypes.VERSION_SUPERSEDED,
                new GuidelineVersionSuperseded(old.guidelineId, old.label, by));
    }

    /** Seed mappings (those no draft defined) follow the content: added, changed and removed with it. */
    private void syncMappings(CatalogContent content, SeedChanges changes) {
        Map<String, MappingEntity> stored = new HashMap<>();
        MappingEntity.<MappingEntity>list("definedIn is null")
                .forEach(m -> stored.put(mappingKey(m.fromKey, m.toKey, m.relation), m));
        Map<String, Mapping> shipped = new LinkedHashMap<>();
        content.mappings().forEach(m -> shipped.put(mappingKey(m.from(), m.to(), m.relation()), m));
        stored.forEach((key, row) -> {
            if (!shipped.containsKey(key)) {
                row.delete();
                changes.mappingsRemoved++;
            }
        });
        Set<String> others = keys("select concat(m.fromKey, ' ', m.toKey, ' ', m.relation) from MappingEntity m "
                + "where m.definedIn is not null");
        shipped.forEach((key, m) -> {
            MappingEntity row = stored.get(key);
            if (row == null) {
                if (!others.contains(key)) {
                    CatalogStore.apply(new MappingEntity(), m).persist();
                    changes.mappingsAdded++;
                }
            } else if (!CatalogStore.toMapping(row).equals(m)) {
                CatalogStore.apply(row, m);
                changes.mappingsChanged++;
            }
        });
    }

    private void syncTemplates(CatalogContent content, SeedChanges changes) {
        for (DisclosureTemplate t : content.templates()) {
            DisclosureTemplateEntity e = DisclosureTemplateEntity.findById(t.id());
            if (e == null || !CatalogStore.template(e).equals(t)) {
                store.writeTemplate(t);
                changes.templates.add(t.id());
            }
        }
    }

    private static String mappingKey(String from, String to, MappingRelation relation) {
        return from + " " + to + " " + relation;
    }

    private Set<String> keys(String query) {
        return new HashSet<>(em.createQuery(query, String.class).getResultList());
    }

    private GuidelineVersionEntity insert(String guidelineId, CatalogContent.VersionEntry v,
                                          CatalogContent.VersionFile file) {
        GuidelineVersionEntity e = new GuidelineVersionEntity();
        e.createdAt = clock.instant();
        e.guidelineId = guidelineId;
        e.label = v.version();
        e.publishedOn = v.publishedOn();
        e.status = v.status();
        e.sourceTitle = v.source() == null ? null : v.source().title();
        e.sourceUrl = v.source() == null ? null : v.source().url();
        e.notesJa = v.notes() == null ? null : v.notes().ja();
        e.notesEn = v.notes() == null ? null : v.notes().en();
        e.hasContent = file != null;
        e.persist();
        if (file != null) {
            writeContent(e, file);
        }
        return e;
    }

    private void writeContent(GuidelineVersionEntity e, CatalogContent.VersionFile file) {
        int sectionPosition = 0;
        int requirementPosition = 0;
        for (CatalogContent.SectionEntry s : file.sections()) {
            SectionEntity section = store.insertSection(e.id, new Section(s.number(), s.parent(), s.title()),
                    sectionPosition++);
            for (Requirement r : s.requirements()) {
                store.insertRequirement(e, section.id, r.inSection(s.number()), requirementPosition++);
            }
        }
    }

    /** What a load changed, for the log and the audit trail; on a first load nothing is announced as news. */
    private static final class SeedChanges {
        final boolean firstLoad;
        final List<String> versions = new ArrayList<>();
        final List<String> revised = new ArrayList<>();
        final List<String> statusChanged = new ArrayList<>();
        final List<String> templates = new ArrayList<>();
        int threats;
        int mappingsAdded;
        int mappingsChanged;
        int mappingsRemoved;

        SeedChanges(boolean firstLoad) {
            this.firstLoad = firstLoad;
        }

        boolean isEmpty() {
            return versions.isEmpty() && revised.isEmpty() && statusChanged.isEmpty() && templates.isEmpty()
                    && threats == 0 && mappingsAdded == 0 && mappingsChanged == 0 && mappingsRemoved == 0;
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("versions", versions);
            summary.put("revised", revised);
            summary.put("superseded", statusChanged);
            summary.put("mappingsAdded", mappingsAdded);
            summary.put("mappingsChanged", mappingsChanged);
            summary.put("mappingsRemoved", mappingsRemoved);
            summary.put("templates", templates);
            summary.put("threats", threats);
            return summary;
        }
    }
}
