package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sansho.catalog.guideline.domain.Category;
import org.sansho.catalog.guideline.domain.CiaImpact;
import org.sansho.catalog.guideline.domain.Citation;
import org.sansho.catalog.guideline.domain.Confidence;
import org.sansho.catalog.guideline.domain.ContractPhase;
import org.sansho.catalog.guideline.domain.DataCategory;
import org.sansho.catalog.guideline.domain.GuidanceRef;
import org.sansho.catalog.guideline.domain.LocalizedText;
import org.sansho.catalog.guideline.domain.Mapping;
import org.sansho.catalog.guideline.domain.MappingBasis;
import org.sansho.catalog.guideline.domain.MappingRelation;
import org.sansho.catalog.guideline.domain.Obligation;
import org.sansho.catalog.guideline.domain.Party;
import org.sansho.catalog.guideline.domain.Requirement;
import org.sansho.catalog.guideline.domain.RequirementStatus;
import org.sansho.catalog.guideline.domain.Section;
import org.sansho.catalog.guideline.domain.ServiceModel;
import org.sansho.catalog.guideline.domain.ThreatImpact;
import org.sansho.catalog.guideline.domain.Verification;
import org.sansho.catalog.guideline.domain.VerificationCoverage;
import org.sansho.catalog.guideline.domain.VersionContent;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A guideline version as an OSCAL 1.1 catalog (JSON) and back. Sections are groups (flat, with a {@code parent}
 * prop), requirements are controls; everything OSCAL has no field for travels as props in our namespace, the
 * Japanese texts included, so that an export imports back to an equal version. Citations and mappings are
 * back-matter resources that controls link to ({@code rel=reference} and the mapping relation).
 */
public final class OscalCatalog {

    public static final String NS = "https://sansho.dev/ns/oscal";
    public static final String OSCAL_VERSION = "1.1.2";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OscalCatalog() {
    }

    /** What an OSCAL catalog held, or the problems that made it unreadable. */
    public record Imported(String guidelineId, String version, List<Section> sections, List<Requirement> requirements,
                           List<Mapping> mappings, List<String> problems) {
    }

    // ---- export ------------------------------------------------------------------------------------------

    public static ObjectNode export(VersionContent version, LocalizedText guidelineTitle) {
        ObjectNode catalog = JSON.objectNode();
        catalog.put("uuid", uuid("catalog:" + version.info().guidelineId() + ":" + version.info().version() + ":"
                + version.etag()).toString());
        ObjectNode metadata = catalog.putObject("metadata");
        metadata.put("title", guidelineTitle.en() + " " + version.info().version());
        if (version.info().publishedOn() != null) {
            metadata.put("published", version.info().publishedOn().atStartOfDay().atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        metadata.put("last-modified", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        metadata.put("version", version.info().version());
        metadata.put("oscal-version", OSCAL_VERSION);
        ArrayNode metaProps = metadata.putArray("props");
        prop(metaProps, "guideline-id", version.info().guidelineId(), null);
        prop(metaProps, "guideline-title-ja", guidelineTitle.ja(), null);
        prop(metaProps, "status", version.info().status().name(), null);
        VerificationCoverage coverage = VerificationCoverage.of(version.requirements());
        prop(metaProps, "verification-coverage", coverage.ratio(), null);
        prop(metaProps, "requirements-verified", Integer.toString(coverage.verified()), null);
        prop(metaProps, "requirements-draft-checked", Integer.toString(coverage.draftChecked()), null);
        prop(metaProps, "requirements-unverified", Integer.toString(coverage.unverified()), null);

        ArrayNode resources = JSON.arrayNode();
        Map<String, ArrayNode> controlsBySection = new LinkedHashMap<>();
        ArrayNode groups = catalog.putArray("groups");
        for (Section s : version.sections()) {
            ObjectNode group = groups.addObject();
            group.put("id", token("s-", s.number()));
            group.put("class", "section");
            group.put("title", s.title().en());
            ArrayNode props = group.putArray("props");
            prop(props, "label", s.number(), null);
            prop(props, "section-number", s.number(), null);
            prop(props, "title-ja", s.title().ja(), null);
            if (s.parent() != null) {
                prop(props, "parent", s.parent(), null);
            }
            controlsBySection.put(s.number(), group.putArray("controls"));
        }
        for (Requirement r : version.requirements()) {
            ArrayNode controls = controlsBySection.get(r.sectionNumber());
            if (controls == null) {
                continue;
            }
            controls.add(control(r, version.mappings(r.key()), resources));
        }
        if (!resources.isEmpty()) {
            catalog.putObject("back-matter").set("resources", resources);
        }
        ObjectNode root = JSON.objectNode();
        root.set("catalog", catalog);
        return root;
    }

    private static ObjectNode control(Requirement r, List<Mapping> mappings, ArrayNode resources) {
        ObjectNode control = JSON.objectNode();
        String id = token("r-", r.key());
        control.put("id", id);
        control.put("class", "requirement");
        control.put("title", r.title().en());
        ArrayNode props = control.putArray("props");
        prop(props, "label", r.ref(), null);
        prop(props, "key", r.key(), null);
        prop(props, "title-ja", r.title().ja(), null);
        prop(props, "obligation", r.obligation().name(), null);
        prop(props, "category", r.category().name(), null);
        r.phases().forEach(p -> prop(props, "phase", p.name(), null));
        prop(props, "party", r.party().name(), null);
        r.serviceModels().forEach(m -> prop(props, "service-model", m.name(), null));
        r.dataCategories().forEach(d -> prop(props, "data-category", d.name(), null));
        r.threats().forEach(t -> prop(props, "threat", t.threat(),
                String.join("", t.impact().stream().map(CiaImpact::name).toList())));
        prop(props, "verified", Boolean.toString(r.verified()), null);
        prop(props, "verification", r.verification().name(), null);
        if (r.unverifiedReason() != null) {
            prop(props, "unverified-reason", r.unverifiedReason(), null);
        }
        prop(props, "status", r.status().name(), null);

        ArrayNode links = control.putArray("links");
        Citation c = r.citation();
        String citationId = uuid("citation:" + r.key()).toString();
        ObjectNode citation = resources.addObject();
        citation.put("uuid", citationId);
        citation.put("title", c.document());
        ArrayNode cprops = citation.putArray("props");
        prop(cprops, "citation-version", c.version(), null);
        prop(cprops, "citation-section", c.section(), null);
        if (c.page() != null) {
            prop(cprops, "citation-page", c.page().toString(), null);
        }
        citation.putObject("citation").put("text", c.document() + " " + c.version() + " §" + c.section()
                + (c.page() == null ? "" : " p." + c.page()));
        if (c.url() != null) {
            citation.putArray("rlinks").addObject().put("href", c.url());
        }
        links.addObject().put("href", "#" + citationId).put("rel", "reference");

        for (Mapping m : mappings) {
            String mappingId = uuid("mapping:" + m.from() + ":" + m.to() + ":" + m.relation()).toString();
            if (!containsResource(resources, mappingId)) {
                ObjectNode resource = resources.addObject();
                resource.put("uuid", mappingId);
                resource.put("title", m.from() + " " + m.relation().name() + " " + m.to());
                resource.put("description", m.rationale().en());
                ArrayNode mprops = resource.putArray("props");
                prop(mprops, "mapping-from", m.from(), null);
                prop(mprops, "mapping-to", m.to(), null);
                prop(mprops, "mapping-relation", m.relation().name(), null);
                prop(mprops, "mapping-basis", m.basis().name(), null);
                prop(mprops, "mapping-confidence", m.confidence().name(), null);
                prop(mprops, "mapping-rationale-ja", m.rationale().ja(), null);
                if (m.source() != null) {
                    prop(mprops, "mapping-source", m.source(), null);
                }
            }
            links.addObject().put("href", "#" + mappingId)
                    .put("rel", m.relation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        ArrayNode parts = control.putArray("parts");
        statement(parts, id, "en", r.summary().en());
        statement(parts, id, "ja", r.summary().ja());
        for (int i = 0; i < r.evidence().size(); i++) {
            LocalizedText e = r.evidence().get(i);
            ObjectNode part = parts.addObject();
            part.put("id", id + "_evd." + (i + 1));
            part.put("name", "evidence");
            part.put("ns", NS);
            part.put("prose", e.en());
            prop(part.putArray("props"), "prose-ja", e.ja(), null);
        }
        for (int i = 0; i < r.guidance().size(); i++) {
            GuidanceRef g = r.guidance().get(i);
            ObjectNode part = parts.addObject();
            part.put("id", id + "_gdn." + (i + 1));
            part.put("name", "guidance");
            part.put("title", g.ref());
            if (g.note() != null) {
                part.put("prose", g.note().en());
            }
            ArrayNode gp = part.putArray("props");
            prop(gp, "guidance-ref", g.ref(), null);
            prop(gp, "guidance-document", g.document(), null);
            if (g.page() != null) {
                prop(gp, "guidance-page", g.page().toString(), null);
            }
            if (g.url() != null) {
                prop(gp, "guidance-url", g.url(), null);
            }
            if (g.note() != null) {
                prop(gp, "prose-ja", g.note().ja(), null);
            }
        }
        return control;
    }

    private static void statement(ArrayNode parts, String id, String lang, String prose) {
        ObjectNode part = parts.addObject();
        part.put("id", id + "_smt." + lang);
        part.put("name", "statement");
        part.put("class", lang);
        part.put("prose", prose);
    }

    private static void prop(ArrayNode props, String name, String value, String cls) {
        ObjectNode p = props.addObject();
        p.put("name", name);
        p.put("ns", NS);
        p.put("value", value);
        if (cls != null) {
            p.put("class", cls);
        }
    }

    private static boolean containsResource(ArrayNode resources, String uuid) {
        for (JsonNode r : resources) {
            if (uuid.equals(r.path("uuid").asText())) {
                return true;
            }
        }
        return false;
    }

    /** OSCAL ids are tokens: a letter or underscore first, then letters, digits, '.', '-', '_'. */
    static String token(String prefix, String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.matches("^[\\p{L}_].*") ? cleaned : prefix + cleaned;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    // ---- import ------------------------------------------------------------------------------------------

    public static Imported read(JsonNode root) {
        List<String> problems = new ArrayList<>();
        JsonNode catalog = root.path("catalog");
        if (!catalog.isObject()) {
            return new Imported(null, null, List.of(), List.of(), List.of(), List.of("catalog: is missing"));
        }
        JsonNode metadata = catalog.path("metadata");
        Map<String, List<JsonNode>> metaProps = props(metadata);
        String guidelineId = first(metaProps, "guideline-id");
        String version = text(metadata, "version");
        Map<String, JsonNode> resources = new HashMap<>();
        for (JsonNode r : catalog.path("back-matter").path("resources")) {
            resources.put(r.path("uuid").asText(), r);
        }
        List<Section> sections = new ArrayList<>();
        List<Requirement> requirements = new ArrayList<>();
        Map<String, Mapping> mappings = new LinkedHashMap<>();
        for (JsonNode group : catalog.path("groups")) {
            Map<String, List<JsonNode>> gp = props(group);
            String number = first(gp, "section-number");
            if (number == null) {
                problems.add("group " + group.path("id").asText() + ": has no section-number prop");
                continue;
            }
            sections.add(new Section(number, first(gp, "parent"),
                    new LocalizedText(first(gp, "title-ja"), text(group, "title"))));
            for (JsonNode control : group.path("controls")) {
                try {
                    requirements.add(requirement(number, control, resources, mappings));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add("control " + control.path("id").asText() + ": " + e.getMessage());
                }
            }
        }
        return new Imported(guidelineId, version, sections, requirements, List.copyOf(mappings.values()), problems);
    }

    private static Requirement requirement(String section, JsonNode control, Map<String, JsonNode> resources,
                                           Map<String, Mapping> mappings) {
        Map<String, List<JsonNode>> p = props(control);
        String key = first(p, "key");
        if (key == null) {
            throw new IllegalArgumentException("has no key prop");
        }
        String summaryEn = null;
        String summaryJa = null;
        List<LocalizedText> evidence = new ArrayList<>();
        List<GuidanceRef> guidance = new ArrayList<>();
        for (JsonNode part : control.path("parts")) {
            String name = part.path("name").asText();
            if (name.equals("statement")) {
                if ("ja".equals(part.path("class").asText())) {
                    summaryJa = text(part, "prose");
                } else {
                    summaryEn = text(part, "prose");
                }
            } else if (name.equals("evidence")) {
                evidence.add(new LocalizedText(first(props(part), "prose-ja"), text(part, "prose")));
            } else if (name.equals("guidance") && first(props(part), "guidance-ref") != null) {
                Map<String, List<JsonNode>> gp = props(part);
                String page = first(gp, "guidance-page");
                String noteJa = first(gp, "prose-ja");
                guidance.add(new GuidanceRef(first(gp, "guidance-ref"), first(gp, "guidance-document"),
                        page == null ? null : Integer.valueOf(page), first(gp, "guidance-url"),
                        noteJa == null ? null : new LocalizedText(noteJa, text(part, "prose"))));
            }
        }
        Citation citation = null;
        for (JsonNode link : control.path("links")) {
            String href = link.path("href").asText();
            JsonNode resource = href.startsWith("#") ? resources.get(href.substring(1)) : null;
            if (resource == null) {
                continue;
            }
            Map<String, List<JsonNode>> rp = props(resource);
            if ("reference".equals(link.path("rel").asText())) {
                String page = first(rp, "citation-page");
                JsonNode rlink = resource.path("rlinks").path(0);
                citation = new Citation(text(resource, "title"), first(rp, "citation-version"),
                        first(rp, "citation-section"), page == null ? null : Integer.valueOf(page),
                        rlink.isMissingNode() ? null : text(rlink, "href"));
            } else if (first(rp, "mapping-from") != null) {
                Mapping m = new Mapping(first(rp, "mapping-from"), first(rp, "mapping-to"),
                        MappingRelation.valueOf(first(rp, "mapping-relation")),
                        MappingBasis.valueOf(first(rp, "mapping-basis")),
                        Confidence.valueOf(first(rp, "mapping-confidence")),
                        new LocalizedText(first(rp, "mapping-rationale-ja"), text(resource, "description")),
                        first(rp, "mapping-source"));
                mappings.putIfAbsent(m.from() + "|" + m.to() + "|" + m.relation(), m);
            }
        }
        List<ThreatImpact> threats = p.getOrDefault("threat", List.of()).stream()
                .map(t -> new ThreatImpact(t.path("value").asText(), t.path("class").asText().chars()
                        .mapToObj(c -> CiaImpact.valueOf(String.valueOf((char) c))).toList()))
                .toList();
        return new Requirement(key, section, first(p, "label"),
                new LocalizedText(first(p, "title-ja"), text(control, "title")),
                new LocalizedText(summaryJa, summaryEn),
                enumOf(p, "obligation", Obligation::valueOf), enumOf(p, "category", Category::valueOf),
                all(p, "phase", ContractPhase::valueOf), enumOf(p, "party", Party::valueOf),
                all(p, "service-model", ServiceModel::valueOf), all(p, "data-category", DataCategory::valueOf),
                threats, evidence, citation, guidance, verification(p),
                first(p, "unverified-reason"),
                first(p, "status") == null ? RequirementStatus.ACTIVE : RequirementStatus.valueOf(first(p, "status")));
    }

    /** Props by name; only ours (our namespace) count, so other tools' props with the same names are ignored. */
    private static Map<String, List<JsonNode>> props(JsonNode node) {
        Map<String, List<JsonNode>> result = new LinkedHashMap<>();
        for (JsonNode p : node.path("props")) {
            if (NS.equals(p.path("ns").asText())) {
                result.computeIfAbsent(p.path("name").asText(), k -> new ArrayList<>()).add(p);
            }
        }
        return result;
    }

    private static String first(Map<String, List<JsonNode>> props, String name) {
        List<JsonNode> values = props.get(name);
        return values == null || values.isEmpty() ? null : values.get(0).path("value").asText();
    }

    private static <E> E enumOf(Map<String, List<JsonNode>> props, String name, Function<String, E> parse) {
        String value = first(props, name);
        return value == null ? null : parse.apply(value);
    }

    private static <E> List<E> all(Map<String, List<JsonNode>> props, String name, Function<String, E> parse) {
        return props.getOrDefault(name, List.of()).stream().map(p -> parse.apply(p.path("value").asText())).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** The verification level; documents written before it existed carry only {@code verified}. */
    private static Verification verification(Map<String, List<JsonNode>> props) {
        String level = first(props, "verification");
        if (level != null) {
            return Verification.valueOf(level);
        }
        return Boolean.parseBoolean(first(props, "verified")) ? Verification.VERIFIED : Verification.UNVERIFIED;
    }
}
