package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sansho.catalog.guidelines.domain.CiaImpact;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidanceRef;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;
import org.sansho.catalog.guidelines.domain.VersionContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A guideline version as an OSCAL 1.1 catalog (JSON); {@link OscalCatalogImport} reads it back. Sections are groups
 * (flat, with a {@code parent} prop), requirements are controls; everything OSCAL has no field for travels as props
 * in our namespace, the Japanese texts included, so that an export imports back to an equal version. Citations and
 * mappings are back-matter resources that controls link to ({@code rel=reference} and the mapping relation). The
 * document is valid against the official OSCAL 1.1 catalog schema: empty arrays are left out (the schema wants at
 * least one item) and every UUID is a name-based version 5 one (the schema admits versions 4 and 5 only).
 */
public final class OscalCatalog {

    public static final String NS = "https://sansho.dev/ns/oscal";
    public static final String OSCAL_VERSION = "1.1.2";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The namespace of our name-based UUIDs: the RFC 9562 URL namespace, as our names are under {@link #NS}. */
    private static final byte[] NAMESPACE = bytes(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"));

    private OscalCatalog() {
    }

    // ---- export ------------------------------------------------------------------------------------------

    public static ObjectNode export(VersionContent version, LocalizedText guidelineTitle, OffsetDateTime exportedAt) {
        ObjectNode catalog = JSON.objectNode();
        catalog.put("uuid", uuid("catalog:" + version.info().guidelineId() + ":" + version.info().version() + ":"
                + version.etag()).toString());
        ObjectNode metadata = catalog.putObject("metadata");
        metadata.put("title", guidelineTitle.en() + " " + version.info().version());
        if (version.info().publishedOn() != null) {
            metadata.put("published", version.info().publishedOn().atStartOfDay().atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        metadata.put("last-modified", exportedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
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
        withoutEmptyArrays(root);
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
                // Japanese prose may run over lines, which an OSCAL prop value may not: remarks hold it
                resource.put("remarks", m.rationale().ja());
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
            japanese(part, part.path("id").asText(), e.ja());
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
                japanese(part, part.path("id").asText(), g.note().ja());
            }
        }
        return control;
    }

    /** The Japanese text of a part, as a sub-part in our namespace (prose, not a prop: it may run over lines). */
    private static void japanese(ObjectNode part, String id, String prose) {
        ObjectNode ja = part.putArray("parts").addObject();
        ja.put("id", id + ".ja");
        ja.put("name", "prose-ja");
        ja.put("ns", NS);
        ja.put("prose", prose);
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

    /** A name-based UUID (version 5, SHA-1, RFC 9562) in our own namespace: the same name, the same UUID. */
    static UUID uuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(NAMESPACE);
            byte[] hash = sha1.digest((NS + "#" + name).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static byte[] bytes(UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** OSCAL arrays hold at least one item: a section without requirements has no {@code controls} at all. */
    private static void withoutEmptyArrays(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> empty = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isArray() && e.getValue().isEmpty()) {
                    empty.add(e.getKey());
                } else {
                    withoutEmptyArrays(e.getValue());
                }
            });
            object.remove(empty);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OscalCatalog::withoutEmptyArrays);
        }
    }
}
