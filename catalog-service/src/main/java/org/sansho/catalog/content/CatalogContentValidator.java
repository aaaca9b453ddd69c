package org.sansho.catalog.content;

import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementRules;
import org.sansho.catalog.guidelines.domain.Threat;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.Verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the content as a whole: every requirement obeys {@link RequirementRules}; a key appears once per
 * version and in one guideline only (a key is stable across the versions of its guideline, never shared by two
 * guidelines); every reference (lineage, section parent, threat, mapping, template item) points at something
 * that exists.
 */
public final class CatalogContentValidator {

    private CatalogContentValidator() {
    }

    public static List<String> problems(CatalogContent content) {
        List<String> problems = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        Set<String> guidelineIds = new HashSet<>();
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            if (g.id() == null || !g.id().matches("[a-z0-9][a-z0-9-]{0,99}")) {
                problems.add("guidelines.yaml: guideline id " + g.id() + " must be lowercase and hyphenated");
            }
            if (!guidelineIds.add(g.id())) {
                problems.add("guidelines.yaml: guideline " + g.id() + " is listed twice");
            }
            if (g.issuer() == null || g.audience() == null || g.title() == null || !g.title().complete()) {
                problems.add("guidelines.yaml: " + g.id() + " needs issuer, audience and a title in ja and en");
            }
            for (CatalogContent.VersionEntry v : g.versions()) {
                if (!versions.add(CatalogContent.fileKey(g.id(), v.version()))) {
                    problems.add("guidelines.yaml: " + g.id() + " version " + v.version() + " is listed twice");
                }
                if (v.status() == null || v.publishedOn() == null) {
                    problems.add("guidelines.yaml: " + g.id() + " " + v.version() + " needs status and publishedOn");
                }
            }
        }
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                for (CatalogContent.LineageRef s : v.supersedes()) {
                    if (!versions.contains(CatalogContent.fileKey(s.guideline(), s.version()))) {
                        problems.add("guidelines.yaml: " + g.id() + " " + v.version() + " supersedes unknown "
                                + s.guideline() + " " + s.version());
                    }
                }
            }
        }

        Set<String> threatCodes = new HashSet<>();
        for (Threat t : content.threats()) {
            if (!threatCodes.add(t.code())) {
                problems.add("threats.yaml: threat " + t.code() + " is listed twice");
            }
            if (t.group() == null || t.name() == null || !t.name().complete() || t.description() == null
                    || !t.description().complete() || t.impact() == null || t.impact().isEmpty()) {
                problems.add("threats.yaml: " + t.code() + " needs group, name and description in ja and en, impact");
            }
        }

        Map<String, String> guidelineOfKey = new HashMap<>();
        content.versionFiles().forEach((fileKey, file) -> {
            String where = "versions/" + fileKey + ".yaml";
            if (!fileKey.equals(CatalogContent.fileKey(file.guideline(), file.version()))) {
                problems.add(where + ": names " + file.guideline() + " " + file.version() + " inside");
            }
            Set<String> sections = new HashSet<>();
            for (CatalogContent.SectionEntry s : file.sections()) {
                if (s.number() == null || !sections.add(s.number())) {
                    problems.add(where + ": section " + s.number() + " is missing a number or listed twice");
                }
                if (s.parent() != null && !sections.contains(s.parent())) {
                    problems.add(where + ": section " + s.number() + " has parent " + s.parent()
                            + ", which is not listed before it");
                }
                if (s.title() == null || !s.title().complete()) {
                    problems.add(where + ": section " + s.number() + " needs a title in ja and en");
                }
            }
            Set<String> keys = new HashSet<>();
            for (CatalogContent.Part part : file.parts()) {
                String partFile = part.name() == null ? where : "versions/" + fileKey + "/" + part.name() + ".yaml";
                if (part.name() != null && (part.title() == null || !part.title().complete())) {
                    problems.add(partFile + ": the part needs a title in ja and en");
                }
                for (Requirement r : part.requirements()) {
                    requirementProblems(partFile, r, file.guideline(), keys, guidelineOfKey, threatCodes, problems);
                }
            }
        });

        Set<String> mappingIds = new HashSet<>();
        for (Mapping m : content.mappings()) {
            String id = m.from() + " → " + m.to();
            for (String key : new String[]{m.from(), m.to()}) {
                if (!guidelineOfKey.containsKey(key)) {
                    problems.add("mappings.yaml: " + id + " refers to missing requirement " + key);
                }
            }
            if (m.relation() == null || m.basis() == null || m.confidence() == null
                    || m.rationale() == null || !m.rationale().complete()) {
                problems.add("mappings.yaml: " + id + " needs relation, basis, confidence and a rationale in ja and en");
            }
            if (!mappingIds.add(id + " " + m.relation())) {
                problems.add("mappings.yaml: " + id + " " + m.relation() + " is listed twice");
            }
        }

        Set<String> templateIds = new HashSet<>();
        for (DisclosureTemplate t : content.templates()) {
            if (!templateIds.add(t.id())) {
                problems.add("disclosure-templates.yaml: template " + t.id() + " is listed twice");
            }
            if (t.kind() == null || t.title() == null || !t.title().complete() || t.source() == null
                    || t.source().document() == null) {
                problems.add("disclosure-templates.yaml: " + t.id() + " needs kind, title in ja and en, and a source");
            }
            for (DisclosureTemplate.Item item : t.items()) {
                if (item.text() == null || !item.text().complete()) {
                    problems.add("disclosure-templates.yaml: " + t.id() + " " + item.ref() + " needs text in ja and en");
                }
                if (item.verification() == null) {
                    problems.add("disclosure-templates.yaml: " + t.id() + " " + item.ref() + " has no verification");
                } else if (item.verification() != Verification.UNVERIFIED && item.page() == null
                        && (t.source() == null || t.source().page() == null)) {
                    problems.add("disclosure-templates.yaml: " + t.id() + " " + item.ref() + " is "
                            + item.verification() + " but neither the item nor its template names a page");
                }
                for (String key : item.requirements()) {
                    if (!guidelineOfKey.containsKey(key)) {
                        problems.add("disclosure-templates.yaml: " + t.id() + " " + item.ref()
                                + " refers to missing requirement " + key);
                    }
                }
            }
        }
        return problems;
    }

    private static void requirementProblems(String where, Requirement r, String guideline, Set<String> keysOfVersion,
                                            Map<String, String> guidelineOfKey, Set<String> threatCodes,
                                            List<String> problems) {
        RequirementRules.problems(r).forEach(p -> problems.add(where + ": " + p));
        if (!keysOfVersion.add(r.key())) {
            problems.add(where + ": key " + r.key() + " appears twice in this version");
        }
        String owner = guidelineOfKey.putIfAbsent(r.key(), guideline);
        if (owner != null && !owner.equals(guideline)) {
            problems.add(where + ": key " + r.key() + " is already used by guideline " + owner
                    + "; keys never repeat across guidelines");
        }
        for (ThreatImpact t : r.threats()) {
            if (t != null && !threatCodes.contains(t.threat())) {
                problems.add(where + ": " + r.key() + " refers to unknown threat " + t.threat());
            }
        }
    }

    /** Reads and validates; throws with every problem listed. */
    public static CatalogContent readValid() {
        CatalogContent content = new CatalogContentReader().read();
        List<String> problems = problems(content);
        if (!problems.isEmpty()) {
            throw new CatalogContentException(problems);
        }
        return content;
    }
}
