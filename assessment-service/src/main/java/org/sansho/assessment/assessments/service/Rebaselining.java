package org.sansho.assessment.assessments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.AnswerCarryOver;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.AssessmentAction;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.AssessmentWorkflow;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.domain.WorkflowFacts;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.catalog.ApplicableRequirements;
import org.sansho.assessment.catalog.ApplicableRequirementsQuery;
import org.sansho.assessment.catalog.CatalogRefusal;
import org.sansho.assessment.catalog.RequirementMappings;
import org.sansho.assessment.catalog.RequirementMappingsQuery;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.assessment.events.GuidelineVersionPublishedV1;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps assessments on a current baseline. A published version that supersedes one in an active assessment's
 * baseline marks it STALE; the re-baseline then moves it to the new version, adding only new and changed
 * requirements and keeping the answers for unchanged keys (requirement keys survive versions). Where the new
 * version renumbers a requirement, the catalog's SUPERSEDED_BY / EQUIVALENT mappings carry the old key's answers to
 * its successor, to be confirmed ({@link AnswerCarryOver}). A re-agreement is needed whenever the applicable rules
 * change (合意の維持, 2省GL §3.2.2).
 */
@ApplicationScoped
public class Rebaselining {

    /** What a re-baseline does (preview) or did (apply). */
    @Schema(name = "RebaselinePlan", description = "What a re-baseline adds, changes, keeps and removes, and which "
            + "answers of removed keys it carries over to the requirements that replace them")
    public record Plan(List<VersionRef> baseline, List<String> added, List<String> changed, List<String> kept,
                       List<String> removed,
                       @Schema(description = "Answers of removed keys carried to added ones through the catalog's "
                               + "SUPERSEDED_BY / EQUIVALENT mappings, marked 'carried over, confirm' (PENDING)")
                       List<CarriedOver> carriedOver,
                       @Schema(description = "Added keys that several removed, answered keys map to: nothing is "
                               + "carried to them, they are answered afresh")
                       List<CarryOverCandidates> carryOverCandidates) {
    }

    @Schema(name = "RebaselineCarryOver", description = "One answer carried over from a removed key to an added one")
    public record CarriedOver(@Schema(description = "The removed key of the old version") String source,
                              @Schema(description = "The version the source key belonged to") String sourceVersion,
                              @Schema(description = "The added key that receives the answer") String target,
                              @Schema(description = "SUPERSEDED_BY or EQUIVALENT") String relation,
                              @Schema(description = "Whose answers are carried (VENDOR, HOSPITAL)")
                              List<AnsweringSide.Caller> sides) {
    }

    @Schema(name = "RebaselineCarryOverCandidates",
            description = "An added key with several possible sources; none is carried")
    public record CarryOverCandidates(String target, List<String> sources) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ApplicableRequirementsQuery catalog;
    private final RequirementMappingsQuery correspondences;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    private final AssessmentAudit audit;
    private final Clock clock;

    public Rebaselining(EntityManager em, Outbox outbox, ApplicableRequirementsQuery catalog,
                        RequirementMappingsQuery correspondences, com.fasterxml.jackson.databind.ObjectMapper mapper,
                        AssessmentAudit audit, Clock clock) {
        this.correspondences = correspondences;
        this.audit = audit;
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markStale(GuidelineVersionPublishedV1 published) {
        if (published.supersedes() == null) {
            return;
        }
        VersionRef by = new VersionRef(published.guidelineId(), published.version());
        for (VersionRef superseded : published.supersedes()) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                            select id from assessment
                            where status in ('PENDING_ITEMS', 'OPEN', 'VENDOR_RESPONDING', 'UNDER_REVIEW')
                              and baseline @> cast(?1 as jsonb)""")
                    .setParameter(1, json(List.of(superseded))).getResultList();
            for (UUID id : ids) {
                Assessment a = em.find(Assessment.class, id);
                AssessmentSnapshot before = AssessmentSnapshot.of(a);
                if (a.status == AssessmentStatus.PENDING_ITEMS) {
                    // No items yet, so nothing to keep: it is simply filled from the new version.
                    a.baseline = replace(a.baseline, superseded, by);
                    a.updatedAt = clock.instant();
                    audit.assessment("assessment.baseline-replaced", a, before);
                    continue;
                }
                a.status = AssessmentWorkflow.next(a.status, AssessmentAction.MARK_STALE, facts(a.id));
                a.staleSuperseded = superseded;
                a.staleBy = by;
                a.staleChangedKeys = published.changedKeys() == null ? List.of() : List.copyOf(published.changedKeys());
                a.updatedAt = clock.instant();
                outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(), AssessmentEventTypes.STALE,
                        new AssessmentPayloads.Stale(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase,
                                superseded, by));
                audit.assessment("assessment.stale", a, before);
            }
        }
    }

    /** Computes the re-baseline of a stale assessment and, unless {@code preview}, applies it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan rebaseline(Assessment a, boolean preview) {
        if (a.status != AssessmentStatus.STALE || a.staleBy == null) {
            throw ProblemException.conflict("not-stale", "Not stale",
                    "Assessment " + a.id + " is " + a.status + "; only a STALE assessment is re-baselined");
        }
        List<VersionRef> baseline = replace(a.baseline, a.staleSuperseded, a.staleBy);
        ApplicableRequirements found;
        try {
            found = catalog.find(baseline, a.phase, a.serviceModel, a.dataCategories);
        } catch (RuntimeException e) {
            throw ProblemException.of(503, "catalog-unavailable", "Catalog unavailable",
                    "The requirements of the new baseline could not be read from the catalog; retry later");
        }
        Map<String, AssessmentItem> current = new LinkedHashMap<>();
        AssessmentItem.<AssessmentItem>list("assessmentId = ?1 order by position", a.id)
                .forEach(i -> current.put(i.requirementKey, i));
        Set<String> changedKeys = new HashSet<>(a.staleChangedKeys == null ? List.of() : a.staleChangedKeys);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<AssessmentItem> fresh = new ArrayList<>();
        int position = 0;
        for (ApplicableRequirements.Requirement r : found.requirements()) {
            AssessmentItem next = RequirementSnapshots.item(a.id, r, position++);
            AssessmentItem before = current.remove(next.requirementKey);
            if (before == null) {
                added.add(next.requirementKey);
                fresh.add(next);
            } else if (changedKeys.contains(next.requirementKey) || !before.sameRequirementText(next)) {
                changed.add(next.requirementKey);
                if (!preview) {
                    replaceSnapshot(before, next);
                    before.clearAnswer();
                    deleteFinding(before.id);
                }
            } else {
                kept.add(next.requirementKey);
                if (!preview) {
                    before.guidelineVersion = next.guidelineVersion;
                    before.sectionNumber = next.sectionNumber;
                    before.ref = next.ref;
                    before.position = next.position;
                }
            }
        }
        List<String> removed = new ArrayList<>(current.keySet());
        ResponsibilitySplits.assign(fresh, ResponsibilitySplits.sides(a.contractId));
        AnswerCarryOver.Outcome carry = carryOver(a.staleBy, current.values(), fresh);
        Map<String, AssessmentItem> freshByKey = new LinkedHashMap<>();
        fresh.forEach(i -> freshByKey.put(i.requirementKey, i));
        List<CarriedOver> carried = carry.carried().stream().map(c -> new CarriedOver(c.source(),
                current.get(c.source()).guidelineVersion, c.target(), c.relation(), sides(c))).toList();
        List<CarryOverCandidates> candidates = carry.ambiguous().stream()
                .map(m -> new CarryOverCandidates(m.target(), m.sources())).toList();
        Plan plan = new Plan(baseline, added, changed, kept, removed, carried, candidates);
        if (preview) {
            return plan;
        }
        AssessmentSnapshot before = AssessmentSnapshot.of(a);
        for (AnswerCarryOver.Carry c : carry.carried()) {
            freshByKey.get(c.target()).carryOver(current.get(c.source()), c.relation(), c.vendor(), c.hospital());
        }
        for (AssessmentItem gone : current.values()) {
            deleteFinding(gone.id);
            gone.delete();
        }
        fresh.forEach(i -> i.persist());
        em.flush();
        for (AnswerCarryOver.Carry c : carry.carried()) {
            audit.item("assessment-item.answer-carried-over", a, freshByKey.get(c.target()), null);
        }
        a.baseline = baseline;
        a.status = AssessmentWorkflow.next(a.status, AssessmentAction.REBASELINE, facts(a.id));
        a.staleSuperseded = null;
        a.staleBy = null;
        a.staleChangedKeys = null;
        a.updatedAt = clock.instant();
        audit.assessment("assessment.rebaselined", a, before);
        return plan;
    }

    /**
     * Which answers of the removed items go to the added ones, from the catalog's SUPERSEDED_BY and EQUIVALENT
     * mappings of the new version. The catalog is asked only when an answered item is removed and an item added.
     */
    private AnswerCarryOver.Outcome carryOver(VersionRef to, java.util.Collection<AssessmentItem> removed,
                                              List<AssessmentItem> added) {
        List<AnswerCarryOver.Source> sources = removed.stream().filter(AssessmentItem::anyAnswer)
                .map(i -> new AnswerCarryOver.Source(i.requirementKey, i.response != null, i.hospitalResponse != null))
                .toList();
        if (sources.isEmpty() || added.isEmpty()) {
            return new AnswerCarryOver.Outcome(List.of(), List.of());
        }
        RequirementMappings mappings;
        try {
            mappings = correspondences.of(to, AnswerCarryOver.CARRYING);
        } catch (CatalogRefusal e) {
            throw ProblemException.of(502, "catalog-refused", "Catalog refused",
                    "The catalog refused to list the mappings of " + to.guidelineId() + " " + to.version()
                            + " (HTTP " + e.status() + "), so the answers of replaced keys cannot be carried over; "
                            + "nothing was changed");
        } catch (RuntimeException e) {
            throw ProblemException.of(503, "catalog-unavailable", "Catalog unavailable",
                    "The mappings of the new baseline could not be read from the catalog; retry later");
        }
        List<AnswerCarryOver.Link> links = mappings.mappings() == null ? List.of() : mappings.mappings().stream()
                .map(m -> new AnswerCarryOver.Link(m.from(), m.to(), m.relation())).toList();
        return AnswerCarryOver.plan(sources, added.stream()
                .map(i -> new AnswerCarryOver.Target(i.requirementKey, i.answeredBy, i.anyAnswer())).toList(), links);
    }

    private static List<AnsweringSide.Caller> sides(AnswerCarryOver.Carry c) {
        List<AnsweringSide.Caller> sides = new ArrayList<>();
        if (c.vendor()) {
            sides.add(AnsweringSide.Caller.VENDOR);
        }
        if (c.hospital()) {
            sides.add(AnsweringSide.Caller.HOSPITAL);
        }
        return sides;
    }

    private static void replaceSnapshot(AssessmentItem item, AssessmentItem next) {
        item.guidelineId = next.guidelineId;
        item.guidelineVersion = next.guidelineVersion;
        item.sectionNumber = next.sectionNumber;
        item.ref = next.ref;
        item.titleJa = next.titleJa;
        item.titleEn = next.titleEn;
        item.summaryJa = next.summaryJa;
        item.summaryEn = next.summaryEn;
        item.obligation = next.obligation;
        item.category = next.category;
        item.party = next.party;
        item.expectedEvidence = next.expectedEvidence;
        item.position = next.position;
    }

    private static void deleteFinding(UUID itemId) {
        Finding.delete("itemId", itemId);
    }

    private WorkflowFacts facts(UUID assessmentId) {
        return AssessmentFacts.of(assessmentId);
    }

    private static List<VersionRef> replace(List<VersionRef> baseline, VersionRef superseded, VersionRef by) {
        List<VersionRef> result = new ArrayList<>();
        for (VersionRef v : baseline) {
            VersionRef next = v.equals(superseded) ? by : v;
            if (!result.contains(next)) {
                result.add(next);
            }
        }
        return result;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
