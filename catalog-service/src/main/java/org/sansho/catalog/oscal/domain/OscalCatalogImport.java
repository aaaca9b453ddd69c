package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.CiaImpact;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.Confidence;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.GuidanceRef;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.MappingBasis;
import org.sansho.catalog.guidelines.domain.MappingRelation;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.Verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any OSCAL 1.1 catalog into sections and requirements: one of our own exports (props in {@link OscalCatalog#NS})
 * comes back exactly; a catalog from another publisher is mapped as follows, every default and every element left
 * out being listed in the {@link OscalImportReport}.
 * <ul>
 *   <li>groups become sections: number = the group id (or {@code g1.2} from its position when it has none), title =
 *   the group title, parent = the enclosing group; controls outside any group go to a section {@code catalog};</li>
 *   <li>controls and their enhancements (controls inside controls) become requirements of the group's section: key =
 *   the control id, reference = its {@code label} prop (else the id), title = its title, summary = the prose of its
 *   statement parts (items with their labels, one per line) with every {@code {{ insert: param, id }}} replaced by
 *   the parameter's values, or shown as {@code [Assignment: label]} / {@code [Selection: a; b]} when it has none;
 *   {@code guidance} parts become guidance entries;</li>
 *   <li>the Japanese texts are the English ones (the catalog has none); obligation MANDATORY unless the control's
 *   class or an {@code obligation} prop says recommended/should/optional (RECOMMENDED) or informative/guidance
 *   (INFORMATIVE); category, party and phases from the {@link Defaults}; citation = the catalog's title and version
 *   and the control id; verification UNVERIFIED with the reason "imported from (publisher) OSCAL catalog; not a
 *   guideline of this catalog"; a control with {@code status=withdrawn} is WITHDRAWN (MOVED with a
 *   {@code moved-to} link).</li>
 * </ul>
 * The document is expected to have passed {@link OscalCatalogSchema}; what the schema cannot say (lengths the catalog
 * stores, values of our own props) comes back as problems.
 */
public final class OscalCatalogImport {

    /** The longest summary the catalog stores (requirement.summary_ja / summary_en). */
    public static final int SUMMARY_MAX = 4000;
    static final String OSCAL_NS = "http://csrc.nist.gov/ns/oscal";
    static final String ENGLISH_USED = "the English text (the catalog has no Japanese text)";
    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*([A-Za-z-]+)\\s*,\\s*([^\\s}]+)\\s*}}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> OUR_CONTROL_PROPS = Set.of("label", "key", "title-ja", "obligation", "category",
            "phase", "party", "service-model", "data-category", "threat", "verified", "verification",
            "unverified-reason", "status");
    private static final Set<String> OUR_GROUP_PROPS = Set.of("label", "section-number", "title-ja", "parent");
    private static final Set<String> OUR_METADATA_PROPS = Set.of("guideline-id", "guideline-title-ja", "status",
            "verification-coverage", "requirements-verified", "requirements-draft-checked",
            "requirements-unverified");
    private static final List<String> PUBLISHER_ROLES = List.of("publisher", "creator", "prepared-by", "author");
    private static final Set<String> OBLIGATION_PROPS = Set.of("obligation", "requirement-level", "conformance");

    private OscalCatalogImport() {
    }

    /** The fields a foreign catalog does not carry; they hold these values until a catalog-admin reviews the draft. */
    public record Defaults(Category category, Party party, List<GuidelinePhase> phases) {

        /**
         * A control catalog says what to do, not who does it or when: until reviewed, its controls are governance
         * measures shared by hospital and vendor, carried out in normal operation (vendor guideline §3.2, 図3-4).
         */
        public static final Defaults STANDARD = new Defaults(Category.GOVERNANCE, Party.SHARED,
                List.of(GuidelinePhase.OPERATION));

        public Defaults {
            category = category == null ? Category.GOVERNANCE : category;
            party = party == null ? Party.SHARED : party;
            phases = phases == null || phases.isEmpty() ? List.of(GuidelinePhase.OPERATION) : List.copyOf(phases);
        }
    }

    /**
     * What a catalog held: the guideline id and title it names (our exports only), its version label, the content,
     * the report, and the problems that keep it from being imported.
     */
    public record Imported(String guidelineId, LocalizedText guidelineTitle, String version, String sourceTitle,
                           List<Section> sections, List<Requirement> requirements, List<Mapping> mappings,
                           OscalImportReport report, List<String> problems) {
    }

    public static Imported read(JsonNode root, Defaults defaults) {
        return new Reading(defaults == null ? Defaults.STANDARD : defaults).run(root);
    }

    /** One reading of one document: its state is the report in the making. */
    private static final class Reading {

        private final Defaults defaults;
        private final List<String> problems = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final Set<String> numbers = new HashSet<>();
        private final List<Requirement> requirements = new ArrayList<>();
        private final Map<String, Mapping> mappings = new LinkedHashMap<>();
        private final Map<String, JsonNode> params = new HashMap<>();
        private final Map<String, String> paramPaths = new LinkedHashMap<>();
        private final Set<String> paramsUsed = new HashSet<>();
        private final Map<String, JsonNode> resources = new LinkedHashMap<>();
        private final Map<String, String> resourcePaths = new HashMap<>();
        private final Set<String> resourcesUsed = new HashSet<>();
        private final Map<String, int[]> defaultCounts = new LinkedHashMap<>();
        private final Map<String, String> defaultValues = new HashMap<>();
        private final Map<String, OscalImportReport.Unmapped> unmapped = new LinkedHashMap<>();
        private final List<OscalImportReport.ParamUse> unresolvedUses = new ArrayList<>();
        private int inserted;
        private int resolved;
        private int shown;
        private int groups;
        private int controls;
        private int enhancements;
        private int withdrawn;
        private int ourElements;
        private int foreignElements;
        private String title;
        private String version;
        private String publisher;

        Reading(Defaults defaults) {
            this.defaults = defaults;
        }

        Imported run(JsonNode root) {
            JsonNode catalog = root == null ? null : root.path("catalog");
            if (catalog == null || !catalog.isObject()) {
                return new Imported(null, null, null, null, List.of(), List.of(), List.of(), null,
                        List.of("catalog: is missing"));
            }
            others(catalog, "catalog", Set.of("uuid", "metadata", "params", "controls", "groups", "back-matter"),
                    "catalog field", "not part of the catalog model this service keeps");
            JsonNode metadata = catalog.path("metadata");
            title = text(metadata, "title");
            version = text(metadata, "version");
            Map<String, List<JsonNode>> metaProps = ours(metadata);
            publisher = publisher(metadata);
            metadata(metadata);
            collectParams(catalog, "catalog");
            JsonNode backMatter = catalog.path("back-matter");
            others(backMatter, "catalog.back-matter", Set.of("resources"), "back-matter field",
                    "not part of the catalog model this service keeps");
            int r = 0;
            for (JsonNode resource : backMatter.path("resources")) {
                String uuid = resource.path("uuid").asText();
                resources.putIfAbsent(uuid, resource);
                resourcePaths.putIfAbsent(uuid, "catalog.back-matter.resources[" + r++ + "]");
            }

            if (!catalog.path("controls").isEmpty()) {
                String number = unique("catalog");
                sections.add(new Section(number, null, new LocalizedText(title, title)));
                numbered(number);
                applied("section " + number, "a section for the controls outside any group, titled as the catalog");
                applied("section.title.ja", ENGLISH_USED);
                for (JsonNode control : catalog.path("controls")) {
                    control(control, number, "catalog.controls[" + control.path("id").asText() + "]", false);
                }
            }
            int g = 0;
            for (JsonNode group : catalog.path("groups")) {
                group(group, null, "catalog", String.valueOf(++g));
            }

            paramPaths.forEach((id, path) -> {
                if (!paramsUsed.contains(id)) {
                    unmapped("parameter", "not inserted in any mapped prose (statement or guidance)", path);
                }
            });
            resources.forEach((uuid, resource) -> {
                if (!resourcesUsed.contains(uuid)) {
                    unmapped("back-matter resource", "not a citation or mapping of a mapped control",
                            resourcePaths.get(uuid) + " (" + (resource.hasNonNull("title")
                                    ? resource.path("title").asText() : uuid) + ")");
                }
            });

            String guidelineId = first(metaProps, "guideline-id");
            String titleJa = first(metaProps, "guideline-title-ja");
            String titleEn = title != null && version != null && title.endsWith(" " + version)
                    ? title.substring(0, title.length() - version.length() - 1) : title;
            if (titleJa == null && titleEn != null) {
                applied("guideline.title.ja (when the guideline is created)", ENGLISH_USED);
            }
            LocalizedText guidelineTitle = titleEn == null ? null
                    : new LocalizedText(titleJa == null ? cut(titleEn, 500) : titleJa, cut(titleEn, 500));
            return new Imported(guidelineId, guidelineTitle, version, title, List.copyOf(sections),
                    List.copyOf(requirements), List.copyOf(mappings.values()), report(metadata, catalog),
                    List.copyOf(problems));
        }

        private OscalImportReport report(JsonNode metadata, JsonNode catalog) {
            List<OscalImportReport.DefaultApplied> applied = new ArrayList<>();
            defaultCounts.forEach((field, count) ->
                    applied.add(new OscalImportReport.DefaultApplied(field, defaultValues.get(field), count[0])));
            int total = unmapped.values().stream().mapToInt(OscalImportReport.Unmapped::count).sum();
            List<OscalImportReport.Unmapped> kinds = unmapped.values().stream()
                    .map(u -> new OscalImportReport.Unmapped(u.element(), u.reason(), u.count(), List.copyOf(u.paths())))
                    .toList();
            String shape = foreignElements == 0 ? "SANSHO" : ourElements == 0 ? "FOREIGN" : "MIXED";
            return new OscalImportReport(null, version, "DRAFT", false, false,
                    new OscalImportReport.Source(title, version, text(metadata, "oscal-version"), publisher, shape),
                    new OscalImportReport.Counts(groups, controls, enhancements, withdrawn, sections.size(),
                            requirements.size(), mappings.size()),
                    applied,
                    new OscalImportReport.Params(inserted, resolved, shown, unresolvedUses.size(),
                            List.copyOf(unresolvedUses)),
                    total, kinds);
        }

        // ---- metadata -------------------------------------------------------------------------------------

        private void metadata(JsonNode metadata) {
            metadata.properties().forEach(e -> {
                switch (e.getKey()) {
                    case "title", "version", "oscal-version", "parties", "roles", "responsible-parties" -> {
                    }
                    case "props" -> {
                        int i = 0;
                        for (JsonNode p : e.getValue()) {
                            if (!(NS.equals(p.path("ns").asText()) && OUR_METADATA_PROPS.contains(name(p)))) {
                                unmapped("metadata prop " + describe(p), "no field of a guideline version holds it",
                                        "catalog.metadata.props[" + i + "]");
                            }
                            i++;
                        }
                    }
                    default -> unmapped("metadata " + e.getKey(), "metadata other than the title, version and "
                            + "publisher is not kept (the draft has dates of its own)", "catalog.metadata." + e.getKey());
                }
            });
        }

        /** The publisher named by a responsible-party role, else the first party. */
        private static String publisher(JsonNode metadata) {
            Map<String, String> names = new LinkedHashMap<>();
            for (JsonNode party : metadata.path("parties")) {
                String name = text(party, "name");
                names.put(party.path("uuid").asText(), name != null ? name : text(party, "short-name"));
            }
            for (String role : PUBLISHER_ROLES) {
                for (JsonNode rp : metadata.path("responsible-parties")) {
                    if (role.equals(rp.path("role-id").asText())) {
                        for (JsonNode uuid : rp.path("party-uuids")) {
                            String name = names.get(uuid.asText());
                            if (name != null) {
                                return name;
                            }
                        }
                    }
                }
            }
            return names.values().stream().filter(n -> n != null).findFirst().orElse(null);
        }

        // ---- groups -----------------------------------------------------------------------------------------

        private void group(JsonNode group, String parentNumber, String parentPath, String position) {
            groups++;
            String id = text(group, "id");
            String path = parentPath + ".groups[" + (id != null ? id : position) + "]";
            Map<String, List<JsonNode>> p = ours(group);
            String ourNumber = first(p, "section-number");
            boolean ours = ourNumber != null;
            count(ours);
            others(group, path, Set.of("id", "class", "title", "props", "parts", "links", "params", "groups",
                    "controls"), "group field", "not part of a section");
            String number;
            if (ours) {
                number = ourNumber;
            } else if (id != null) {
                number = id;
            } else {
                number = unique("g" + position);
                applied("section.number", "g + the group's position (g1.2 = second group of the first), as the "
                        + "group has no id");
            }
            if (number.length() > 50) {
                problems.add("group " + path + ": its id " + number.substring(0, 50) + "… is longer than the "
                        + "50 characters of a section number");
            }
            String titleEn = text(group, "title");
            if (titleEn != null && titleEn.length() > 500) {
                unmapped("title beyond 500 characters", "the catalog stores titles of at most 500 characters", path);
            }
            String titleJa = first(p, "title-ja");
            if (titleJa == null) {
                titleJa = titleEn;
                applied("section.title.ja", ENGLISH_USED);
            }
            String parent = ours ? first(p, "parent") : parentNumber;
            sections.add(new Section(number, parent, new LocalizedText(cut(titleJa, 500), cut(titleEn, 500))));
            numbered(number);
            String cls = text(group, "class");
            if (cls != null && !(ours && "section".equals(cls))) {
                unmapped("group class " + cls, "classes are not kept", path);
            }
            int i = 0;
            for (JsonNode prop : group.path("props")) {
                if (!(NS.equals(prop.path("ns").asText()) && OUR_GROUP_PROPS.contains(name(prop)))) {
                    unmapped("group prop " + describe(prop), "no field of a section holds it", path + ".props[" + i + "]");
                }
                i++;
            }
            i = 0;
            for (JsonNode part : group.path("parts")) {
                unmapped("group part " + name(part), "a section keeps no prose of its own", path + ".parts[" + i++ + "]");
            }
            i = 0;
            for (JsonNode link : group.path("links")) {
                unmapped("group link rel=" + link.path("rel").asText("(none)"), "a section keeps no links",
                        path + ".links[" + i++ + "]");
            }
            for (JsonNode control : group.path("controls")) {
                control(control, number, path + ".controls[" + control.path("id").asText() + "]", false);
            }
            int g = 0;
            for (JsonNode child : group.path("groups")) {
                group(child, number, path, position + "." + ++g);
            }
        }

        // ---- controls ---------------------------------------------------------------------------------------

        private void control(JsonNode control, String section, String path, boolean enhancement) {
            controls++;
            if (enhancement) {
                enhancements++;
            }
            Map<String, List<JsonNode>> p = ours(control);
            boolean ours = first(p, "key") != null;
            count(ours);
            others(control, path, Set.of("id", "class", "title", "params", "props", "links", "parts", "controls"),
                    "control field", "not part of a requirement");
            String id = control.path("id").asText();
            try {
                requirements.add(ours ? ourRequirement(section, control, p, path) : foreignRequirement(section, control, path));
            } catch (IllegalArgumentException e) {
                problems.add("control " + id + ": " + e.getMessage());
            }
            for (JsonNode child : control.path("controls")) {
                control(child, section, path + ".controls[" + child.path("id").asText() + "]", true);
            }
        }

        private Requirement foreignRequirement(String section, JsonNode control, String path) {
            String id = control.path("id").asText();
            String key = id;
            if (!KEY.matcher(id).matches()) {
                if (id.length() > 100) {
                    throw new IllegalArgumentException("its id is longer than the 100 characters of a key");
                }
                key = id.replaceAll("[^A-Za-z0-9._-]", "-");
                key = Character.isLetterOrDigit(key.charAt(0)) ? key : "x" + key;
                applied("key", "the control id with characters other than A-Z, a-z, 0-9, '.', '_' and '-' replaced");
            }
            int labelIndex = labelIndex(control.path("props"));
            String ref = labelIndex < 0 ? null : control.path("props").get(labelIndex).path("value").asText();
            if (ref == null) {
                ref = id;
                applied("ref", "the control id (no label prop)");
            }
            Obligation obligation = null;
            RequirementStatus status = RequirementStatus.ACTIVE;
            int i = 0;
            for (JsonNode prop : control.path("props")) {
                String name = name(prop);
                String ns = prop.path("ns").asText(OSCAL_NS);
                String value = prop.path("value").asText();
                String propPath = path + ".props[" + i + "]";
                if (i++ == labelIndex) {
                    continue;
                }
                if (ns.equals(OSCAL_NS) && name.equals("status") && value.equalsIgnoreCase("withdrawn")) {
                    status = RequirementStatus.WITHDRAWN;
                } else if (OBLIGATION_PROPS.contains(name) && obligation(value) != null && obligation == null) {
                    obligation = obligation(value);
                } else {
                    unmapped("control prop " + describe(prop), "no field of a requirement holds it", propPath);
                }
            }
            String cls = text(control, "class");
            if (cls != null) {
                Obligation byClass = Arrays.stream(cls.split("[\\s_.-]+")).map(OscalCatalogImport::obligation)
                        .filter(o -> o != null).findFirst().orElse(null);
                if (byClass != null && obligation == null) {
                    obligation = byClass;
                } else {
                    unmapped("control class " + cls, "classes are not kept", path);
                }
            }
            i = 0;
            for (JsonNode link : control.path("links")) {
                String rel = link.path("rel").asText("(none)");
                if (status == RequirementStatus.WITHDRAWN && rel.equals("moved-to")) {
                    status = RequirementStatus.MOVED;
                }
                unmapped("control link rel=" + rel, "links to other controls and to resources are not kept"
                        + (rel.equals("moved-to") ? " (the requirement is MOVED)" : ""), path + ".links[" + i + "]");
                i++;
            }
            if (status != RequirementStatus.ACTIVE) {
                withdrawn++;
            }

            String titleEn = text(control, "title");
            if (titleEn == null || titleEn.isBlank()) {
                throw new IllegalArgumentException("has no title");
            }
            if (titleEn.length() > 500) {
                unmapped("title beyond 500 characters", "the catalog stores titles of at most 500 characters", path);
            }
            List<String> statements = new ArrayList<>();
            List<GuidanceRef> guidance = new ArrayList<>();
            i = 0;
            for (JsonNode part : control.path("parts")) {
                String partPath = path + ".parts[" + i++ + "]";
                switch (name(part)) {
                    case "statement" -> statements.add(render(part, partPath, 0));
                    case "guidance" -> {
                        String note = render(part, partPath, 0);
                        guidance.add(new GuidanceRef(part.hasNonNull("id") ? part.path("id").asText() : ref + " guidance",
                                cut(title == null ? "OSCAL catalog" : title, 500), null, null,
                                note.isBlank() ? null : new LocalizedText(note, note)));
                        applied("guidance", "the control's guidance part (document = the catalog's title; "
                                + "Japanese note = " + ENGLISH_USED + ")");
                    }
                    default -> unmapped("control part " + name(part), "only statement and guidance parts are mapped",
                            partPath);
                }
            }
            String summary = String.join("\n", statements).strip();
            if (summary.isEmpty()) {
                summary = titleEn;
                applied("summary.en", "the control title (no statement part)");
            }
            if (summary.length() > SUMMARY_MAX) {
                unmapped("statement text beyond " + SUMMARY_MAX + " characters",
                        "the catalog stores summaries of at most " + SUMMARY_MAX + " characters; "
                                + (summary.length() - SUMMARY_MAX + 1) + " characters cut", path);
                summary = summary.substring(0, SUMMARY_MAX - 1) + "…";
            }
            applied("title.ja", ENGLISH_USED);
            applied("summary.ja", ENGLISH_USED);
            if (obligation == null) {
                obligation = Obligation.MANDATORY;
                applied("obligation", "MANDATORY (the control is not marked recommended or informative)");
            }
            applied("category", defaults.category().name());
            applied("party", defaults.party().name());
            applied("phases", defaults.phases().toString());
            applied("serviceModels / dataCategories", "none (the requirement applies to all)");
            Citation citation = new Citation(cut(title == null ? "OSCAL catalog" : title, 500),
                    cut(version == null ? "-" : version, 50), cut(id, 100), null, null);
            applied("citation", "the catalog's title and version, section = the control id");
            String reason = "imported from " + (publisher == null ? "another publisher's" : publisher)
                    + " OSCAL catalog; not a guideline of this catalog";
            applied("verification", "UNVERIFIED");
            applied("unverifiedReason", "imported from (publisher) OSCAL catalog; not a guideline of this catalog");
            return new Requirement(key, section, cut(ref, 300),
                    new LocalizedText(cut(titleEn, 500), cut(titleEn, 500)), new LocalizedText(summary, summary),
                    obligation, defaults.category(), defaults.phases(), defaults.party(), List.of(), List.of(),
                    List.of(), List.of(), citation, guidance, Verification.UNVERIFIED, cut(reason, 2000), status);
        }

        /**
         * A part's text: its title and prose, then its sub-parts (statement items) one per line, each after its
         * label and indented by depth; parameters inserted.
         */
        private String render(JsonNode part, String path, int depth) {
            others(part, path, Set.of("id", "name", "ns", "class", "title", "props", "prose", "parts", "links"),
                    "part field", "not part of the text");
            StringBuilder line = new StringBuilder("  ".repeat(depth));
            int labelIndex = labelIndex(part.path("props"));
            if (labelIndex >= 0) {
                line.append(part.path("props").get(labelIndex).path("value").asText()).append(' ');
            }
            if (part.hasNonNull("title")) {
                line.append(part.path("title").asText()).append(": ");
            }
            if (part.hasNonNull("prose")) {
                line.append(insert(part.path("prose").asText(), path, 0).strip());
            }
            int i = 0;
            for (JsonNode prop : part.path("props")) {
                if (i != labelIndex) {
                    unmapped("part prop " + describe(prop), "no field of a requirement holds it",
                            path + ".props[" + i + "]");
                }
                i++;
            }
            i = 0;
            for (JsonNode link : part.path("links")) {
                unmapped("part link rel=" + link.path("rel").asText("(none)"), "links are not kept",
                        path + ".links[" + i++ + "]");
            }
            List<String> lines = new ArrayList<>();
            boolean blank = line.toString().isBlank();
            if (!blank) {
                lines.add(line.toString().stripTrailing());
            }
            i = 0;
            for (JsonNode child : part.path("parts")) {
                // items of a statement without prose of its own are its first level
                String text = render(child, path + ".parts[" + i++ + "]", blank ? depth : depth + 1);
                if (!text.isBlank()) {
                    lines.add(text);
                }
            }
            return String.join("\n", lines);
        }

        /** The prose with every {@code {{ insert: param, id }}} replaced by the value or shown. */
        private String insert(String prose, String path, int depth) {
            Matcher m = INSERT.matcher(prose);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String type = m.group(1);
                String id = m.group(2);
                String replacement;
                if (depth == 0) {
                    inserted++;
                }
                JsonNode param = "param".equals(type) ? params.get(id) : null;
                if (param == null || depth > 5) {
                    replacement = "[Assignment: " + id + "]";
                    if (depth == 0) {
                        unresolvedUses.add(new OscalImportReport.ParamUse(id, path));
                    }
                } else {
                    paramsUsed.add(id);
                    replacement = param(param, path, depth);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String param(JsonNode param, String path, int depth) {
            List<String> values = new ArrayList<>();
            param.path("values").forEach(v -> values.add(v.asText()));
            if (!values.isEmpty()) {
                if (depth == 0) {
                    resolved++;
                }
                return String.join(", ", values);
            }
            if (depth == 0) {
                shown++;
            }
            JsonNode select = param.path("select");
            if (select.isObject()) {
                List<String> choices = new ArrayList<>();
                select.path("choice").forEach(c -> choices.add(insert(c.asText(), path, depth + 1)));
                String how = select.path("how-many").asText("");
                return "[Selection" + (how.equals("one-or-more") ? " (one or more)" : "") + ": "
                        + String.join("; ", choices) + "]";
            }
            if (param.hasNonNull("label")) {
                return "[Assignment: " + param.path("label").asText() + "]";
            }
            JsonNode guideline = param.path("guidelines").path(0).path("prose");
            if (guideline.isTextual()) {
                return "[Assignment: " + guideline.asText().strip() + "]";
            }
            return "[Assignment: " + param.path("id").asText() + "]";
        }

        private void collectParams(JsonNode node, String path) {
            int i = 0;
            for (JsonNode param : node.path("params")) {
                String id = param.path("id").asText();
                params.putIfAbsent(id, param);
                paramPaths.putIfAbsent(id, path + ".params[" + i++ + "]");
            }
            int g = 0;
            for (JsonNode group : node.path("groups")) {
                String id = text(group, "id");
                collectParams(group, path + ".groups[" + (id != null ? id : String.valueOf(++g)) + "]");
            }
            for (JsonNode control : node.path("controls")) {
                collectParams(control, path + ".controls[" + control.path("id").asText() + "]");
            }
        }

        // ---- our own shape ------------------------------------------------------------------------------------

        private Requirement ourRequirement(String section, JsonNode control, Map<String, List<JsonNode>> p,
                                           String path) {
            String summaryEn = null;
            String summaryJa = null;
            List<LocalizedText> evidence = new ArrayList<>();
            List<GuidanceRef> guidance = new ArrayList<>();
            String cls = text(control, "class");
            if (cls != null && !cls.equals("requirement")) {
                unmapped("control class " + cls, "classes are not kept", path);
            }
            int i = 0;
            for (JsonNode prop : control.path("props")) {
                if (!(NS.equals(prop.path("ns").asText()) && OUR_CONTROL_PROPS.contains(name(prop)))) {
                    unmapped("control prop " + describe(prop), "no field of a requirement holds it",
                            path + ".props[" + i + "]");
                }
                i++;
            }
            i = 0;
            for (JsonNode part : control.path("parts")) {
                String name = name(part);
                Map<String, List<JsonNode>> pp = ours(part);
                if (name.equals("statement") && "ja".equals(part.path("class").asText())) {
                    summaryJa = text(part, "prose");
                } else if (name.equals("statement")) {
                    summaryEn = text(part, "prose");
                } else if (name.equals("evidence") && NS.equals(part.path("ns").asText())) {
                    evidence.add(new LocalizedText(japanese(part, pp), text(part, "prose")));
                } else if (name.equals("guidance") && first(pp, "guidance-ref") != null) {
                    String page = first(pp, "guidance-page");
                    String noteJa = japanese(part, pp);
                    guidance.add(new GuidanceRef(first(pp, "guidance-ref"), first(pp, "guidance-document"),
                            page == null ? null : Integer.valueOf(page), first(pp, "guidance-url"),
                            noteJa == null ? null : new LocalizedText(noteJa, text(part, "prose"))));
                } else {
                    unmapped("control part " + name, "not a part this catalog exports", path + ".parts[" + i + "]");
                }
                i++;
            }
            Citation citation = null;
            i = 0;
            for (JsonNode link : control.path("links")) {
                String href = link.path("href").asText();
                JsonNode resource = href.startsWith("#") ? resources.get(href.substring(1)) : null;
                Map<String, List<JsonNode>> rp = resource == null ? Map.of() : ours(resource);
                if (resource != null && "reference".equals(link.path("rel").asText())
                        && first(rp, "citation-version") != null) {
                    resourcesUsed.add(href.substring(1));
                    String page = first(rp, "citation-page");
                    JsonNode rlink = resource.path("rlinks").path(0);
                    citation = new Citation(text(resource, "title"), first(rp, "citation-version"),
                            first(rp, "citation-section"), page == null ? null : Integer.valueOf(page),
                            rlink.isMissingNode() ? null : text(rlink, "href"));
                } else if (resource != null && first(rp, "mapping-from") != null) {
                    resourcesUsed.add(href.substring(1));
                    Mapping m = new Mapping(first(rp, "mapping-from"), first(rp, "mapping-to"),
                            value(rp, "mapping-relation", MappingRelation::valueOf),
                            value(rp, "mapping-basis", MappingBasis::valueOf),
                            value(rp, "mapping-confidence", Confidence::valueOf),
                            new LocalizedText(resource.hasNonNull("remarks") ? text(resource, "remarks")
                                    : first(rp, "mapping-rationale-ja"), text(resource, "description")),
                            first(rp, "mapping-source"));
                    mappings.putIfAbsent(m.from() + "|" + m.to() + "|" + m.relation(), m);
                } else {
                    unmapped("control link rel=" + link.path("rel").asText("(none)"),
                            "not a citation or mapping of this catalog", path + ".links[" + i + "]");
                }
                i++;
            }
            List<ThreatImpact> threats = p.getOrDefault("threat", List.of()).stream()
                    .map(t -> new ThreatImpact(t.path("value").asText(), t.path("class").asText().chars()
                            .mapToObj(c -> valueOf("threat impact", String.valueOf((char) c), CiaImpact::valueOf))
                            .toList()))
                    .toList();
            String status = first(p, "status");
            return new Requirement(first(p, "key"), section, first(p, "label"),
                    new LocalizedText(first(p, "title-ja"), text(control, "title")),
                    new LocalizedText(summaryJa, summaryEn),
                    value(p, "obligation", Obligation::valueOf), value(p, "category", Category::valueOf),
                    all(p, "phase", GuidelinePhase::valueOf), value(p, "party", Party::valueOf),
                    all(p, "service-model", ServiceModel::valueOf), all(p, "data-category", DataCategory::valueOf),
                    threats, evidence, citation, guidance, verification(p), first(p, "unverified-reason"),
                    status == null ? RequirementStatus.ACTIVE : valueOf("status", status, RequirementStatus::valueOf));
        }

        /** The Japanese text of one of our parts: its {@code prose-ja} sub-part, or (older exports) its prop. */
        private static String japanese(JsonNode part, Map<String, List<JsonNode>> props) {
            for (JsonNode child : part.path("parts")) {
                if ("prose-ja".equals(name(child)) && NS.equals(child.path("ns").asText())) {
                    return text(child, "prose");
                }
            }
            return first(props, "prose-ja");
        }

        /** The verification level; documents written before it existed carry only {@code verified}. */
        private static Verification verification(Map<String, List<JsonNode>> props) {
            String level = first(props, "verification");
            if (level != null) {
                return valueOf("verification", level, Verification::valueOf);
            }
            return Boolean.parseBoolean(first(props, "verified")) ? Verification.VERIFIED : Verification.UNVERIFIED;
        }

        // ---- the report -----------------------------------------------------------------------------------

        private void applied(String field, String value) {
            defaultCounts.computeIfAbsent(field, f -> new int[1])[0]++;
            defaultValues.putIfAbsent(field, value);
        }

        private void unmapped(String element, String reason, String path) {
            OscalImportReport.Unmapped u = unmapped.computeIfAbsent(element + "\u0000" + reason,
                    k -> new OscalImportReport.Unmapped(element, reason, 0, new ArrayList<>()));
            u.paths().add(path);
            unmapped.put(element + "\u0000" + reason,
                    new OscalImportReport.Unmapped(element, reason, u.count() + 1, u.paths()));
        }

        /** Reports the fields of an object that the mapping does not read. */
        private void others(JsonNode node, String path, Set<String> known, String what, String reason) {
            node.properties().forEach(e -> {
                if (!known.contains(e.getKey())) {
                    unmapped(what + " " + e.getKey(), reason, path + "." + e.getKey());
                }
            });
        }

        private void count(boolean ours) {
            if (ours) {
                ourElements++;
            } else {
                foreignElements++;
            }
        }

        private String unique(String number) {
            String candidate = number;
            for (int n = 2; numbers.contains(candidate); n++) {
                candidate = number + "-" + n;
            }
            return candidate;
        }

        private void numbered(String number) {
            numbers.add(number);
        }
    }

    // ---- values -------------------------------------------------------------------------------------------

    /** The obligation a catalog's word marks (RFC 2119 and ISO wording), or null for any other word. */
    static Obligation obligation(String word) {
        return switch (word.toLowerCase(Locale.ROOT).strip()) {
            case "mandatory", "required", "shall", "must", "requirement" -> Obligation.MANDATORY;
            case "recommended", "recommendation", "should", "optional", "advisory" -> Obligation.RECOMMENDED;
            case "informative", "informational", "guidance", "example", "note" -> Obligation.INFORMATIVE;
            default -> null;
        };
    }

    private static final String NS = OscalCatalog.NS;

    /** Props in our namespace by name: other tools' props with the same names are not ours. */
    private static Map<String, List<JsonNode>> ours(JsonNode node) {
        Map<String, List<JsonNode>> result = new LinkedHashMap<>();
        for (JsonNode p : node.path("props")) {
            if (NS.equals(p.path("ns").asText())) {
                result.computeIfAbsent(p.path("name").asText(), k -> new ArrayList<>()).add(p);
            }
        }
        return result;
    }

    /** The index of the OSCAL {@code label} prop that labels an element: the first without a class, else the first. */
    private static int labelIndex(JsonNode props) {
        int any = -1;
        for (int i = 0; i < props.size(); i++) {
            JsonNode p = props.get(i);
            if ("label".equals(name(p)) && p.path("ns").asText(OSCAL_NS).equals(OSCAL_NS)) {
                if (!p.has("class")) {
                    return i;
                }
                any = any < 0 ? i : any;
            }
        }
        return any;
    }

    private static String name(JsonNode node) {
        return node.path("name").asText();
    }

    private static String describe(JsonNode prop) {
        return name(prop) + (prop.hasNonNull("ns") ? " (ns " + prop.path("ns").asText() + ")" : "")
                + (prop.hasNonNull("class") ? " class " + prop.path("class").asText() : "");
    }

    private static String first(Map<String, List<JsonNode>> props, String name) {
        List<JsonNode> values = props.get(name);
        return values == null || values.isEmpty() ? null : values.get(0).path("value").asText();
    }

    private static <E> E value(Map<String, List<JsonNode>> props, String name, Function<String, E> parse) {
        String value = first(props, name);
        return value == null ? null : valueOf(name, value, parse);
    }

    private static <E> List<E> all(Map<String, List<JsonNode>> props, String name, Function<String, E> parse) {
        return props.getOrDefault(name, List.of()).stream().map(p -> valueOf(name, p.path("value").asText(), parse))
                .toList();
    }

    private static <E> E valueOf(String name, String value, Function<String, E> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + cut(value, 50) + "' is not a value of this catalog");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
