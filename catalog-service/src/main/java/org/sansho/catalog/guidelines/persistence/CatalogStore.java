package org.sansho.catalog.guidelines.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.CiaImpact;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.GuidanceRef;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.Threat;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionInfo;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the catalog tables to domain records and back; the one place that knows the storage shape. */
@ApplicationScoped
public class CatalogStore {

    private static final TypeReference<List<LocalizedText>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<GuidanceRef>> GUIDANCE = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;

    public CatalogStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public VersionInfo info(GuidelineVersionEntity v) {
        return new VersionInfo(v.guidelineId, v.label, v.publishedOn, v.status,
                refs("select g.guideline_id, g.label from version_supersedes s join guideline_version g "
                        + "on g.id = s.superseded_version_id where s.version_id = ?1 order by g.published_on, g.id", v.id),
                refs("select g.guideline_id, g.label from version_supersedes s join guideline_version g "
                        + "on g.id = s.version_id where s.superseded_version_id = ?1 order by g.published_on, g.id", v.id),
                v.sourceTitle, v.sourceUrl,
                v.notesJa == null && v.notesEn == null ? null : new LocalizedText(v.notesJa, v.notesEn),
                v.hasContent, v.rowVersion);
    }

    /** The whole version; a DRAFT also sees the mappings added in it, any version those of published versions. */
    @Transactional
    public VersionContent load(GuidelineVersionEntity v) {
        VersionInfo info = info(v);
        List<SectionEntity> sectionRows = SectionEntity.list("versionId = ?1 order by position", v.id);
        Map<Long, String> sectionNumbers = sectionRows.stream()
                .collect(Collectors.toMap(s -> s.id, s -> s.number));
        List<Section> sections = sectionRows.stream()
                .map(s -> new Section(s.number, s.parentNumber, new LocalizedText(s.titleJa, s.titleEn))).toList();
        List<RequirementEntity> rows = RequirementEntity.list("versionId = ?1 order by position", v.id);
        Map<Long, List<ThreatImpact>> threats = threatsOfVersion(v.id);
        List<Requirement> requirements = rows.stream()
                .map(r -> toRequirement(r, sectionNumbers.get(r.sectionId), threats.getOrDefault(r.id, List.of())))
                .toList();
        List<Mapping> mappings = requirements.isEmpty() ? List.of() : visibleMappings(v.id,
                requirements.stream().map(Requirement::key).toList());
        return new VersionContent(info, sections, requirements, mappings, etag(info, sections, requirements, mappings));
    }

    public List<Mapping> visibleMappings(Long versionId, List<String> keys) {
        List<MappingEntity> rows = MappingEntity.list("""
                (fromKey in ?1 or toKey in ?1) and (definedIn is null or definedIn = ?2
                 or definedIn in (select v.id from GuidelineVersionEntity v where v.status <> 'DRAFT'))
                order by id""", keys, versionId);
        return rows.stream().map(CatalogStore::toMapping).toList();
    }

    public static Mapping toMapping(MappingEntity m) {
        return new Mapping(m.fromKey, m.toKey, m.relation, m.basis, m.confidence,
                new LocalizedText(m.rationaleJa, m.rationaleEn), m.source);
    }

    private Map<Long, List<ThreatImpact>> threatsOfVersion(Long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t.requirement_id, t.threat_code, t.confidentiality, t.integrity, t.availability
                        from requirement_threat t join requirement r on r.id = t.requirement_id
                        where r.version_id = ?1 order by t.requirement_id, t.position""")
                .setParameter(1, versionId).getResultList();
        Map<Long, List<ThreatImpact>> result = new HashMap<>();
        for (Object[] row : rows) {
            List<CiaImpact> impact = new ArrayList<>();
            if ((Boolean) row[2]) {
                impact.add(CiaImpact.C);
            }
            if ((Boolean) row[3]) {
                impact.add(CiaImpact.I);
            }
            if ((Boolean) row[4]) {
                impact.add(CiaImpact.A);
            }
            result.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(new ThreatImpact((String) row[1], impact));
        }
        return result;
    }

    private Requirement toRequirement(RequirementEntity r, String sectionNumber, List<ThreatImpact> threats) {
        return new Requirement(r.key, sectionNumber, r.ref, new LocalizedText(r.titleJa, r.titleEn),
                new LocalizedText(r.summaryJa, r.summaryEn), r.obligation, r.category,
                enums(r.phases, org.sansho.catalog.guidelines.domain.GuidelinePhase::valueOf), r.party,
                enums(r.serviceModels, org.sansho.catalog.guidelines.domain.ServiceModel::valueOf),
                enums(r.dataCategories, org.sansho.catalog.guidelines.domain.DataCategory::valueOf),
                threats, texts(r.evidence),
                new Citation(r.citationDocument, r.citationVersion, r.citationSection, r.citationPage, r.citationUrl),
                guidance(r.guidance), r.verification, r.unverifiedReason, r.status);
    }

    private List<VersionRef> refs(String sql, Long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().map(r -> new VersionRef((String) r[0], (String) r[1])).toList();
    }

    /** A disclosure template with its items, in their order. */
    public static DisclosureTemplate template(DisclosureTemplateEntity t) {
        List<DisclosureTemplate.Item> items = DisclosureTemplateItemEntity
                .<DisclosureTemplateItemEntity>list("templateId = ?1 order by position", t.id).stream()
                .map(i -> new DisclosureTemplate.Item(i.ref, new LocalizedText(i.textJa, i.textEn),
                        i.requirementKeys == null || i.requirementKeys.isBlank() ? List.of()
                                : List.of(i.requirementKeys.split(",")), i.party, i.verification, i.page))
                .toList();
        return new DisclosureTemplate(t.id, t.kind, new LocalizedText(t.titleJa, t.titleEn),
                new DisclosureTemplate.Source(t.sourceDocument, t.sourceVersion, t.sourceSection, t.sourcePage), items);
    }

    public static Threat threat(ThreatEntity e) {
        return new Threat(e.code, e.group, new LocalizedText(e.nameJa, e.nameEn),
                new LocalizedText(e.descriptionJa, e.descriptionEn),
                e.impact.chars().mapToObj(c -> CiaImpact.valueOf(String.valueOf((char) c))).toList(), e.source);
    }

    // ---- writing -----------------------------------------------------------------------------------------

    /** Writes a template and its items; an existing template's items are replaced. */
    public void writeTemplate(DisclosureTemplate t) {
        DisclosureTemplateEntity e = DisclosureTemplateEntity.findById(t.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new DisclosureTemplateEntity();
            e.id = t.id();
        } else {
            em.createNativeQuery("delete from disclosure_template_item where template_id = ?1").setParameter(1, t.id())
                    .executeUpdate();
        }
        e.kind = t.kind();
        e.titleJa = t.title().ja();
        e.titleEn = t.title().en();
        e.sourceDocument = t.source().document();
        e.sourceVersion = t.source().version();
        e.sourceSection = t.source().section();
        e.sourcePage = t.source().page();
        if (isNew) {
            e.persist();
        }
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

    /** Writes a threat of the catalogue, new or changed. */
    public void writeThreat(Threat t) {
        ThreatEntity e = ThreatEntity.findById(t.code());
        boolean isNew = e == null;
        if (isNew) {
            e = new ThreatEntity();
            e.code = t.code();
        }
        e.group = t.group();
        e.nameJa = t.name().ja();
        e.nameEn = t.name().en();
        e.descriptionJa = t.description().ja();
        e.descriptionEn = t.description().en();
        e.impact = t.impact().stream().map(CiaImpact::name).collect(Collectors.joining());
        e.source = t.source();
        if (isNew) {
            e.persist();
        }
    }

    /** Removes a version's sections and requirements, so that its content can be written again. */
    public void clearContent(Long versionId) {
        em.flush();
        em.createNativeQuery("delete from requirement_threat where requirement_id in "
                + "(select id from requirement where version_id = ?1)").setParameter(1, versionId).executeUpdate();
        em.createNativeQuery("delete from requirement where version_id = ?1").setParameter(1, versionId)
                .executeUpdate();
        em.createNativeQuery("delete from section where version_id = ?1").setParameter(1, versionId).executeUpdate();
        em.clear();
    }


    public SectionEntity insertSection(Long versionId, Section s, int position) {
        SectionEntity e = new SectionEntity();
        e.versionId = versionId;
        e.position = position;
        apply(e, s);
        e.persist();
        return e;
    }

    public static void apply(SectionEntity e, Section s) {
        e.number = s.number();
        e.parentNumber = s.parent();
        e.titleJa = s.title().ja();
        e.titleEn = s.title().en();
    }

    public RequirementEntity insertRequirement(GuidelineVersionEntity version, Long sectionId, Requirement r,
                                               int position) {
        RequirementEntity e = new RequirementEntity();
        e.versionId = version.id;
        e.guidelineId = version.guidelineId;
        e.position = position;
        apply(e, sectionId, r);
        e.persist();
        if (!r.threats().isEmpty()) {
            // the threat rows refer to the requirement row (an identity: inserted at persist, flushed here to be sure)
            em.flush();
            writeThreats(e.id, r.threats());
        }
        return e;
    }

    public void updateRequirement(RequirementEntity e, Long sectionId, Requirement r) {
        apply(e, sectionId, r);
        em.createNativeQuery("delete from requirement_threat where requirement_id = ?1").setParameter(1, e.id)
                .executeUpdate();
        writeThreats(e.id, r.threats());
    }

    private void writeThreats(Long requirementId, List<ThreatImpact> threats) {
        int position = 0;
        for (ThreatImpact t : threats) {
            em.createNativeQuery("""
                            insert into requirement_threat
                            (requirement_id, threat_code, confidentiality, integrity, availability, position)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, requirementId).setParameter(2, t.threat())
                    .setParameter(3, t.impact().contains(CiaImpact.C))
                    .setParameter(4, t.impact().contains(CiaImpact.I))
                    .setParameter(5, t.impact().contains(CiaImpact.A))
                    .setParameter(6, position++)
                    .executeUpdate();
        }
    }

    private void apply(RequirementEntity e, Long sectionId, Requirement r) {
        e.sectionId = sectionId;
        e.key = r.key();
        e.ref = r.ref();
        e.titleJa = r.title().ja();
        e.titleEn = r.title().en();
        e.summaryJa = r.summary().ja();
        e.summaryEn = r.summary().en();
        e.obligation = r.obligation();
        e.category = r.category();
        e.phases = names(r.phases());
        e.party = r.party();
        e.serviceModels = names(r.serviceModels());
        e.dataCategories = names(r.dataCategories());
        e.evidence = json(r.evidence());
        e.guidance = json(r.guidance());
        Citation c = r.citation();
        e.citationDocument = c.document();
        e.citationVersion = c.version();
        e.citationSection = c.section();
        e.citationPage = c.page();
        e.citationUrl = c.url();
        e.verification = r.verification();
        e.unverifiedReason = r.unverifiedReason();
        e.status = r.status();
    }

    public static MappingEntity apply(MappingEntity e, Mapping m) {
        e.fromKey = m.from();
        e.toKey = m.to();
        e.relation = m.relation();
        e.basis = m.basis();
        e.confidence = m.confidence();
        e.rationaleJa = m.rationale().ja();
        e.rationaleEn = m.rationale().en();
        e.source = m.source();
        return e;
    }

    public void link(Long versionId, Long supersededVersionId) {
        em.createNativeQuery("""
                        insert into version_supersedes (version_id, superseded_version_id) values (?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, versionId).setParameter(2, supersededVersionId).executeUpdate();
    }

    public void unlinkAll(Long versionId) {
        em.createNativeQuery("delete from version_supersedes where version_id = ?1").setParameter(1, versionId)
                .executeUpdate();
    }

    /** The ids of the versions the given version supersedes. */
    @SuppressWarnings("unchecked")
    public List<Long> supersededIds(Long versionId) {
        return ((List<Number>) em.createNativeQuery(
                        "select superseded_version_id from version_supersedes where version_id = ?1 order by 1")
                .setParameter(1, versionId).getResultList()).stream().map(Number::longValue).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E> List<E> enums(String csv, Function<String, E> parse) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(parse).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LocalizedText> texts(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence column is not a JSON list of texts", e);
        }
    }

    private List<GuidanceRef> guidance(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, GUIDANCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("guidance column is not a JSON list of guidance references", e);
        }
    }

    private String etag(Object... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
