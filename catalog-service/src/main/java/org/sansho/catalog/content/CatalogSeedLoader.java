package org.sansho.catalog.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sansho.catalog.guideline.domain.CiaImpact;
import org.sansho.catalog.guideline.domain.DisclosureTemplate;
import org.sansho.catalog.guideline.domain.Mapping;
import org.sansho.catalog.guideline.domain.MappingRelation;
import org.sansho.catalog.guideline.domain.Requirement;
import org.sansho.catalog.guideline.domain.Threat;
import org.sansho.catalog.guideline.persistence.CatalogStore;
import org.sansho.catalog.guideline.persistence.DisclosureTemplateEntity;
import org.sansho.catalog.guideline.persistence.DisclosureTemplateItemEntity;
import org.sansho.catalog.guideline.persistence.GuidelineEntity;
import org.sansho.catalog.guideline.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guideline.persistence.MappingEntity;
import org.sansho.catalog.guideline.persistence.SectionEntity;
import org.sansho.catalog.guideline.persistence.ThreatEntity;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Loads the content files at start-up, idempotently. A version already in the database is never rewritten
 * (published versions are immutable, and a draft with the same label belongs to an admin); guidelines, threats
 * and templates are inserted when missing; seed mappings are added when missing. Invalid content stops the
 * start-up with every problem listed. Seed versions emit no events: they are the catalog's starting state, not
 * news. Replicas starting together serialise on an advisory lock. A start whose content is the one loaded last
 * (by its digest) reads nothing ({@link #loadIfChanged}).
 */
@ApplicationScoped
public class CatalogSeedLoader {

    private static final Logger LOG = Logger.getLogger(CatalogSeedLoader.class);
    private static final long LOCK = 0x5a45_4341_5441L;

    private final EntityManager em;
    private final CatalogStore store;
    private final boolean enabled;

    private final AuditTrail audit;

    public CatalogSeedLoader(EntityManager em, CatalogStore store, AuditTrail audit,
                             @ConfigProperty(name = "sansho.catalog.seed.enabled", defaultValue = "true") boolean enabled) {
        this.em = em;
        this.audit = audit;
        this.store = store;
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
        // What the database already holds, read once per kind: a restart checks the whole seed in five queries.
        Set<String> threats = keys("select t.code from ThreatEntity t");
        Set<String> guidelines = keys("select g.id from GuidelineEntity g");
        Set<String> existingVersions = keys("select concat(v.guidelineId, '/', v.label) from GuidelineVersionEntity v");
        Set<String> existingMappings = new HashSet<>();
        for (Object[] m : em.createQuery("select m.fromKey, m.toKey, m.relation from MappingEntity m", Object[].class)
                .getResultList()) {
            existingMappings.add(mappingKey((String) m[0], (String) m[1], (MappingRelation) m[2]));
        }
        Set<String> templates = keys("select t.id from DisclosureTemplateEntity t");
        int versions = 0;
        for (Threat t : content.threats()) {
            if (!threats.contains(t.code())) {
                insert(t);
            }
        }
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            if (!guidelines.contains(g.id())) {
                GuidelineEntity e = new GuidelineEntity();
                e.id = g.id();
                e.issuer = g.issuer();
                e.audience = g.audience();
                e.titleJa = g.title().ja();
                e.titleEn = g.title().en();
                e.persist();
            }
        }
        Map<String, GuidelineVersionEntity> inserted = new HashMap<>();
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                if (existingVersions.contains(g.id() + "/" + v.version())) {
                    continue;
                }
                GuidelineVersionEntity e = insert(g.id(), v,
                        content.versionFiles().get(CatalogContent.fileKey(g.id(), v.version())));
                inserted.put(CatalogContent.fileKey(g.id(), v.version()), e);
                versions++;
            }
        }
        // Lineage after all versions exist: a link may point at a version listed later or in another guideline.
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                GuidelineVersionEntity e = inserted.get(CatalogContent.fileKey(g.id(), v.version()));
                if (e == null) {
                    continue;
                }
                for (CatalogContent.LineageRef s : v.supersedes()) {
                    GuidelineVersionEntity.find(s.guideline(), s.version())
                            .ifPresent(old -> store.link(e.id, old.id));
                }
            }
        }
        int mappings = 0;
        for (Mapping m : content.mappings()) {
            if (existingMappings.add(mappingKey(m.from(), m.to(), m.relation()))) {
                CatalogStore.apply(new MappingEntity(), m).persist();
                mappings++;
            }
        }
        for (DisclosureTemplate t : content.templates()) {
            if (!templates.contains(t.id())) {
                insert(t);
            }
        }
        if (versions > 0 || mappings > 0) {
            audit.actAs(AuditActor.system("catalog-service.seed"), null);
            audit.record("catalog.seeded", "catalog", "seed", List.of(), null, Map.of("versions",
                    inserted.keySet().stream().sorted().toList(), "mappings", mappings));
        }
        LOG.infof("Catalog content: %d version(s) and %d mapping(s) loaded; existing versions left unchanged",
                versions, mappings);
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
        if (file == null) {
            return e;
        }
        int sectionPosition = 0;
        int requirementPosition = 0;
        for (CatalogContent.SectionEntry s : file.sections()) {
            SectionEntity section = store.insertSection(e.id,
                    new org.sansho.catalog.guideline.domain.Section(s.number(), s.parent(), s.title()),
                    sectionPosition++);
            for (Requirement r : s.requirements()) {
                store.insertRequirement(e, section.id, r.inSection(s.number()), requirementPosition++);
            }
        }
        return e;
    }

    private void insert(Threat t) {
        ThreatEntity e = new ThreatEntity();
        e.code = t.code();
        e.group = t.group();
        e.nameJa = t.name().ja();
        e.nameEn = t.name().en();
        e.descriptionJa = t.description().ja();
        e.descriptionEn = t.description().en();
        e.impact = t.impact().stream().map(CiaImpact::name).collect(Collectors.joining());
        e.source = t.source();
        e.persist();
    }

    private void insert(DisclosureTemplate t) {
        DisclosureTemplateEntity e = new DisclosureTemplateEntity();
        e.id = t.id();
        e.kind = t.kind();
        e.titleJa = t.title().ja();
        e.titleEn = t.title().en();
        e.sourceDocument = t.source().document();
        e.sourceVersion = t.source().version();
        e.sourceSection = t.source().section();
        e.sourcePage = t.source().page();
        e.persist();
        List<DisclosureTemplate.Item> items = t.items();
        for (int i = 0; i < items.size(); i++) {
            DisclosureTemplate.Item item = items.get(i);
            DisclosureTemplateItemEntity row = new DisclosureTemplateItemEntity();
            row.templateId = t.id();
            row.position = i;
            row.ref = item.ref();
            row.textJa = item.text().ja();
            row.textEn = item.text().en();
            row.party = item.party();
            row.verification = item.verification();
            row.page = item.page();
            row.requirementKeys = String.join(",", item.requirements());
            row.persist();
        }
    }
}
