package org.sansho.catalog.guidelines.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.sansho.catalog.events.CatalogEventTypes;
import org.sansho.catalog.events.GuidelineVersionPublished;
import org.sansho.catalog.events.GuidelineVersionSuperseded;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementDiff;
import org.sansho.catalog.guidelines.domain.RequirementRules;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.VersionStatus;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.persistence.MappingEntity;
import org.sansho.catalog.guidelines.persistence.RequirementEntity;
import org.sansho.catalog.guidelines.persistence.SectionEntity;
import org.sansho.catalog.guidelines.persistence.ThreatEntity;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The catalog admin's writes. Only a DRAFT version can be edited; publishing freezes it, marks what it supersedes
 * SUPERSEDED and announces both through the outbox in the same transaction. Every write runs inside the caller's
 * transaction (the resource's), so a refused write changes nothing.
 */
@ApplicationScoped
public class CatalogEditor {

    private final EntityManager em;
    private final CatalogStore store;
    private final CatalogReader reader;
    private final Outbox outbox;

    private final AuditTrail audit;
    private final Clock clock;

    public CatalogEditor(EntityManager em, CatalogStore store, CatalogReader reader, Outbox outbox,
                         AuditTrail audit, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.store = store;
        this.reader = reader;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Audits a change of the catalog. The catalog is public reference data, the same for every organization, so
     * its records belong to no organization and every auditor reads them.
     */
    private void audit(String action, String entityType, String entityId, Object before, Object after) {
        audit.record(action, entityType, entityId, List.of(), before, after);
    }

    private static String versionId(String guidelineId, String label) {
        return guidelineId + "/" + label;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void createGuideline(String id, Issuer issuer, Audience audience, LocalizedText title) {
        if (GuidelineEntity.findById(id) != null) {
            throw ProblemException.conflict("guideline-exists", "Guideline exists", "Guideline " + id + " already exists");
        }
        GuidelineEntity g = new GuidelineEntity();
        g.createdAt = clock.instant();
        g.id = id;
        g.issuer = issuer;
        g.audience = audience;
        g.titleJa = title.ja();
        g.titleEn = title.en();
        g.persist();
        audit("guideline.created", "guideline", id, null,
                java.util.Map.of("id", id, "issuer", issuer, "audience", audience, "title", title));
    }

    /**
     * A new draft. Without an explicit list it supersedes the guideline's current published version; with
     * copyFromCurrent it starts as a copy of that version's sections and requirements (keys stay stable).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GuidelineVersionEntity createDraft(String guidelineId, String label, boolean copyFromCurrent,
                                              List<VersionRef> supersedes, String sourceTitle, String sourceUrl,
                                              LocalizedText notes) {
        if (GuidelineEntity.findById(guidelineId) == null) {
            throw ProblemException.notFound("Guideline", guidelineId);
        }
        if (GuidelineVersionEntity.find(guidelineId, label).isPresent()) {
            throw ProblemException.conflict("version-exists", "Version exists",
                    "Guideline " + guidelineId + " already has a version " + label);
        }
        Optional<GuidelineVersionEntity> current = currentPublished(guidelineId);
        if (copyFromCurrent && current.isEmpty()) {
            throw ProblemException.conflict("no-published-version", "No published version",
                    "Guideline " + guidelineId + " has no published version to copy from");
        }
        List<GuidelineVersionEntity> superseded = new ArrayList<>();
        if (supersedes == null) {
            current.ifPresent(superseded::add);
        } else {
            for (VersionRef ref : supersedes) {
                GuidelineVersionEntity old = GuidelineVersionEntity.find(ref.guidelineId(), ref.version())
                        .orElseThrow(() -> ProblemException.badRequest("supersedes",
                                "names a version that does not exist: " + ref));
                if (old.status == VersionStatus.DRAFT) {
                    throw ProblemException.badRequest("supersedes", "names a draft, which cannot be superseded: " + ref);
                }
                superseded.add(old);
            }
        }
        GuidelineVersionEntity draft = new GuidelineVersionEntity();
        draft.createdAt = clock.instant();
        draft.guidelineId = guidelineId;
        draft.label = label;
        draft.status = VersionStatus.DRAFT;
        draft.sourceTitle = sourceTitle;
        draft.sourceUrl = sourceUrl;
        draft.notesJa = notes == null ? null : notes.ja();
        draft.notesEn = notes == null ? null : notes.en();
        draft.persist();
        em.flush();
        superseded.forEach(old -> store.link(draft.id, old.id));
        if (copyFromCurrent) {
            VersionContent source = reader.version(guidelineId, current.get().label);
            copyContent(source.sections(), source.requirements(), draft);
        }
        audit("guideline-version.draft-created", "guideline-version", versionId(guidelineId, label), null,
                store.info(draft));
        return draft;
    }

    /** Copies sections and requirements into a draft (also used by the OSCAL import). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copyContent(List<Section> sections, List<Requirement> requirements, GuidelineVersionEntity draft) {
        // section ids kept at hand: a query per requirement would dirty-check every requirement inserted so far
        // (Hibernate's auto-flush), quadratic in a catalog of a thousand controls
        java.util.Map<String, Long> sectionIds = new java.util.HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            sectionIds.put(sections.get(i).number(), store.insertSection(draft.id, sections.get(i), i).id);
        }
        em.flush();
        int position = 0;
        for (Requirement r : requirements) {
            Long sectionId = sectionIds.get(r.sectionNumber());
            store.insertRequirement(draft, sectionId != null ? sectionId : sectionId(draft.id, r.sectionNumber()), r,
                    position++);
        }
        draft.hasContent = !requirements.isEmpty();
        audit("guideline-version.content-copied", "guideline-version", versionId(draft.guidelineId, draft.label),
                null, java.util.Map.of("sections", sections, "requirements", requirements));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean putSection(String guidelineId, String label, String number, String parent, LocalizedText title) {
        GuidelineVersionEntity draft = draft(guidelineId, label);
        if (parent != null && (parent.equals(number) || SectionEntity.count("versionId = ?1 and number = ?2", draft.id, parent) == 0)) {
            throw ProblemException.badRequest("parent", "must name another section of this draft: " + parent);
        }
        Optional<SectionEntity> existing = SectionEntity.find("versionId = ?1 and number = ?2", draft.id, number)
                .firstResultOptional();
        Section section = new Section(number, parent, title);
        if (existing.isPresent()) {
            SectionEntity e = existing.get();
            Section before = new Section(e.number, e.parentNumber, new LocalizedText(e.titleJa, e.titleEn));
            CatalogStore.apply(e, section);
            audit("guideline-version.section-replaced", "guideline-version", versionId(guidelineId, label), before,
                    section);
            return false;
        }
        store.insertSection(draft.id, section, (int) SectionEntity.count("versionId", draft.id));
        audit("guideline-version.section-added", "guideline-version", versionId(guidelineId, label), null, section);
        return true;
    }

    /** @return true when the requirement was added, false when an existing one was replaced */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean putRequirement(String guidelineId, String label, Requirement requirement) {
        GuidelineVersionEntity draft = draft(guidelineId, label);
        List<String> problems = new ArrayList<>(RequirementRules.problems(requirement));
        for (ThreatImpact t : requirement.threats()) {
            if (ThreatEntity.findById(t.threat()) == null) {
                problems.add(requirement.key() + ": unknown threat " + t.threat());
            }
        }
        reader.guidelineOf(requirement.key()).filter(owner -> !owner.equals(guidelineId)).ifPresent(owner ->
                problems.add(requirement.key() + ": key is used by guideline " + owner
                        + "; keys never repeat across guidelines"));
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("The requirement is not valid: " + String.join("; ", problems),
                    problems.stream().map(p -> new Problem.FieldError("body", p)).toList());
        }
        Long sectionId = sectionIdOrRefuse(draft.id, requirement.sectionNumber());
        Optional<RequirementEntity> existing = RequirementEntity
                .find("versionId = ?1 and key = ?2", draft.id, requirement.key()).firstResultOptional();
        draft.hasContent = true;
        if (existing.isPresent()) {
            store.updateRequirement(existing.get(), sectionId, requirement);
            audit("guideline-version.requirement-replaced", "guideline-version", versionId(guidelineId, label),
                    null, requirement);
            return false;
        }
        store.insertRequirement(draft, sectionId, requirement,
                (int) RequirementEntity.count("versionId", draft.id));
        audit("guideline-version.requirement-added", "guideline-version", versionId(guidelineId, label), null,
                requirement);
        return true;
    }

    /**
     * The problems of a whole set of requirements for a version of this guideline (an import): the requirement
     * rules, duplicate keys, sections that exist, known threats and keys not used by another guideline.
     */
    public List<String> problemsOf(String guidelineId, List<Section> sections, List<Requirement> requirements) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (Section s : sections) {
            if (s.title() == null || !s.title().complete()) {
                problems.add("section " + s.number() + ": needs a title in ja and en");
            }
            if (s.parent() != null && !numbers.contains(s.parent())) {
                problems.add("section " + s.number() + ": parent " + s.parent() + " is not listed before it");
            }
            if (!numbers.add(s.number())) {
                problems.add("section " + s.number() + ": listed twice");
            }
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Requirement r : requirements) {
            problems.addAll(RequirementRules.problems(r));
            if (!keys.add(r.key())) {
                problems.add(r.key() + ": appears twice");
            }
            if (!numbers.contains(r.sectionNumber())) {
                problems.add(r.key() + ": section " + r.sectionNumber() + " is not in the catalog");
            }
            for (ThreatImpact t : r.threats()) {
                if (ThreatEntity.findById(t.threat()) == null) {
                    problems.add(r.key() + ": unknown threat " + t.threat());
                }
            }
            reader.guidelineOf(r.key()).filter(owner -> !owner.equals(guidelineId)).ifPresent(owner ->
                    problems.add(r.key() + ": key is used by guideline " + owner));
        }
        return problems;
    }

    /** A mapping added in a draft; it becomes visible to readers when the draft is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MappingEntity addMapping(String guidelineId, String label, Mapping mapping) {
        GuidelineVersionEntity draft = draft(guidelineId, label);
        boolean inDraft = RequirementEntity.count("versionId = ?1 and key in ?2", draft.id,
                List.of(mapping.from(), mapping.to())) > 0;
        if (!inDraft) {
            throw ProblemException.badRequest("from", "one of 'from' and 'to' must be a requirement of this draft");
        }
        for (String key : List.of(mapping.from(), mapping.to())) {
            if (RequirementEntity.count("key", key) == 0) {
                throw ProblemException.badRequest(key.equals(mapping.from()) ? "from" : "to",
                        "names no requirement: " + key);
            }
        }
        if (MappingEntity.count("fromKey = ?1 and toKey = ?2 and relation = ?3", mapping.from(), mapping.to(),
                mapping.relation()) > 0) {
            throw ProblemException.conflict("mapping-exists", "Mapping exists",
                    "A " + mapping.relation() + " mapping from " + mapping.from() + " to " + mapping.to() + " exists");
        }
        MappingEntity e = CatalogStore.apply(new MappingEntity(), mapping);
        e.definedIn = draft.id;
        e.persist();
        audit("guideline-version.mapping-added", "guideline-version", versionId(guidelineId, label), null, mapping);
        return e;
    }

    /**
     * Publishes a draft: it becomes immutable; the versions it supersedes become SUPERSEDED; the published event
     * carries the keys added, removed and changed against the superseded version of the same guideline, and one
     * superseded event goes out per version that was current until now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GuidelineVersionEntity publish(String guidelineId, String label, LocalDate publishedOn) {
        GuidelineVersionEntity draft = draft(guidelineId, label);
        em.lock(draft, LockModeType.PESSIMISTIC_WRITE);
        if (draft.status != VersionStatus.DRAFT) {
            throw frozen(draft);
        }
        VersionContent content = store.load(draft);
        if (content.requirements().isEmpty()) {
            throw ProblemException.conflict("empty-version", "Empty version",
                    "A version without requirements cannot be published");
        }
        Object before = store.info(draft);
        draft.status = VersionStatus.PUBLISHED;
        draft.publishedOn = publishedOn == null ? LocalDate.now(clock) : publishedOn;
        draft.hasContent = true;
        VersionRef published = new VersionRef(guidelineId, label);

        List<VersionRef> supersedes = new ArrayList<>();
        List<Requirement> previous = null;
        for (Long id : store.supersededIds(draft.id)) {
            GuidelineVersionEntity old = em.find(GuidelineVersionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            supersedes.add(new VersionRef(old.guidelineId, old.label));
            if (old.guidelineId.equals(guidelineId) && previous == null) {
                previous = store.load(old).requirements();
            }
            if (old.status == VersionStatus.PUBLISHED) {
                Object oldBefore = store.info(old);
                old.status = VersionStatus.SUPERSEDED;
                audit("guideline-version.superseded", "guideline-version", versionId(old.guidelineId, old.label),
                        oldBefore, store.info(old));
                outbox.publish(CatalogEventTypes.AGGREGATE, old.guidelineId, CatalogEventTypes.VERSION_SUPERSEDED,
                        new GuidelineVersionSuperseded(old.guidelineId, old.label, published));
            }
        }
        RequirementDiff diff = RequirementDiff.between(previous == null ? List.of() : previous, content.requirements());
        outbox.publish(CatalogEventTypes.AGGREGATE, guidelineId, CatalogEventTypes.VERSION_PUBLISHED,
                new GuidelineVersionPublished(guidelineId, label, draft.publishedOn, supersedes, diff.addedKeys(),
                        diff.removedKeys(), diff.changedKeys()));
        audit("guideline-version.published", "guideline-version", versionId(guidelineId, label), before,
                store.info(draft));
        reader.forgetAfterCommit();
        return draft;
    }

    /** The draft, or 404 when the version does not exist, or 409 when it is published or superseded. */
    public GuidelineVersionEntity draft(String guidelineId, String label) {
        GuidelineVersionEntity v = GuidelineVersionEntity.find(guidelineId, label)
                .orElseThrow(() -> ProblemException.notFound("Guideline version", guidelineId + " " + label));
        if (v.status.frozen()) {
            throw frozen(v);
        }
        return v;
    }

    private static ProblemException frozen(GuidelineVersionEntity v) {
        return ProblemException.conflict("version-frozen", "Version is frozen",
                v.guidelineId + " " + v.label + " is " + v.status
                        + "; published versions are immutable, edit a new DRAFT version instead");
    }

    private Optional<GuidelineVersionEntity> currentPublished(String guidelineId) {
        return GuidelineVersionEntity.<GuidelineVersionEntity>list("guidelineId = ?1 and status = ?2", guidelineId,
                        VersionStatus.PUBLISHED).stream()
                .max(Comparator.comparing((GuidelineVersionEntity v) -> v.publishedOn,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(v -> v.id));
    }

    private Long sectionId(Long versionId, String number) {
        return SectionEntity.<SectionEntity>find("versionId = ?1 and number = ?2", versionId, number)
                .firstResultOptional().map(s -> s.id)
                .orElseThrow(() -> new IllegalStateException("section " + number + " missing"));
    }

    private Long sectionIdOrRefuse(Long versionId, String number) {
        return SectionEntity.<SectionEntity>find("versionId = ?1 and number = ?2", versionId, number)
                .firstResultOptional().map(s -> s.id)
                .orElseThrow(() -> ProblemException.badRequest("sectionNumber",
                        "names no section of this draft: " + number));
    }
}
