package org.sansho.catalog.content;

import org.junit.jupiter.api.Test;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.TemplateKind;
import org.sansho.catalog.guidelines.domain.Verification;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped content files, checked without Quarkus: what the start-up loader would refuse fails here first. */
class CatalogContentTest {

    private static final CatalogContent content = new CatalogContentReader().read();

    @Test
    void the_shipped_content_has_no_problems_and_its_coverage_is_printed() {
        assertThat(CatalogContentValidator.problems(content)).isEmpty();

        Map<String, Integer> perVersion = new TreeMap<>();
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        Map<GuidelinePhase, Integer> perPhase = new EnumMap<>(GuidelinePhase.class);
        StringBuilder report = new StringBuilder("Catalog content coverage\n");
        content.versionFiles().forEach((version, file) -> {
            List<Requirement> rs = file.requirements();
            long verified = rs.stream().filter(Requirement::verified).count();
            perVersion.put(version + " (verified " + verified + ")", rs.size());
            Map<Category, Integer> versionCategories = new EnumMap<>(Category.class);
            Map<GuidelinePhase, Integer> versionPhases = new EnumMap<>(GuidelinePhase.class);
            rs.forEach(r -> {
                perCategory.merge(r.category(), 1, Integer::sum);
                versionCategories.merge(r.category(), 1, Integer::sum);
                r.phases().forEach(p -> {
                    perPhase.merge(p, 1, Integer::sum);
                    versionPhases.merge(p, 1, Integer::sum);
                });
            });
            VerificationCoverage coverage = VerificationCoverage.of(rs);
            report.append(String.format("  %-45s %4d requirements, %4d verified, %4d checked against a draft, "
                    + "%4d unverified%n", version, rs.size(), coverage.verified(), coverage.draftChecked(),
                    coverage.unverified()));
            for (CatalogContent.Part part : file.parts()) {
                VerificationCoverage p = VerificationCoverage.of(part.requirements());
                report.append(String.format("      part %-14s %4d present, %4d verified, %4d draft-checked, %4d "
                        + "unverified%n", part.name() == null ? "(whole)" : part.name(), p.total(), p.verified(),
                        p.draftChecked(), p.unverified()));
                for (CatalogContent.PageWalk walk : part.pageWalk()) {
                    report.append(String.format("          %s: pages found %s, not found %s%n", walk.document(),
                            walk.found(), walk.notFound()));
                }
            }
            report.append("      per category: ").append(versionCategories).append('\n');
            report.append("      per phase:    ").append(versionPhases).append('\n');
        });
        report.append("  all versions per category: ").append(perCategory).append('\n');
        report.append("  all versions per phase:    ").append(perPhase).append('\n');
        report.append(String.format("  %d mappings, %d threats, %d templates%n", content.mappings().size(),
                content.threats().size(), content.templates().size()));
        System.out.print(report);

        // The issue asks for real content for MHLW 6.0 and vendor guideline 1.1 covering every phase and category.
        assertThat(perPhase.keySet()).containsExactlyInAnyOrder(GuidelinePhase.values());
        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(Category.values());
        assertThat(content.versionFiles()).containsKeys("mhlw-medical-information-security/6.0",
                "meti-mic-medical-service-provider/1.1");
        assertThat(content.threats()).isNotEmpty();
        assertThat(content.templates()).extracting(DisclosureTemplate::id).contains("vendor-gl-table-4-1");
    }

    @Test
    void every_checked_requirement_names_the_page_it_was_checked_against() {
        List<String> unsourced = content.versionFiles().values().stream()
                .flatMap(f -> f.requirements().stream())
                .filter(r -> r.verification() != Verification.UNVERIFIED)
                .filter(r -> r.citation().page() == null)
                .map(Requirement::key)
                .toList();
        assertThat(unsourced).as("verified or draft-checked requirements without a page").isEmpty();
    }

    @Test
    void a_verified_requirement_without_a_page_is_refused() {
        List<String> problems = problemsAfter(r -> with(r, new Citation(r.citation().document(),
                r.citation().version(), r.citation().section(), null, r.citation().url()), r.summary(),
                Verification.VERIFIED));
        assertThat(problems).anyMatch(p -> p.contains("is VERIFIED but its citation names no page"));
    }

    @Test
    void a_requirement_not_verified_against_the_final_text_needs_a_reason() {
        List<String> problems = problemsAfter(r -> new Requirement(r.key(), r.sectionNumber(), r.ref(), r.title(),
                r.summary(), r.obligation(), r.category(), r.phases(), r.party(), r.serviceModels(),
                r.dataCategories(), r.threats(), r.evidence(), new Citation("draft", "6.0", "1", 3, null), List.of(),
                Verification.DRAFT_CHECKED, null, r.status()));
        assertThat(problems).anyMatch(p -> p.contains("is not VERIFIED but unverifiedReason is missing"));
    }

    @Test
    void every_requirement_of_a_superseded_version_file_leads_forward() {
        // A key either stays in a later version of its guideline or is mapped to something (5.2 -> 6.0,
        // METI 2012 / MIC 2018 -> unified vendor guideline), so a contract still on an old version can move on.
        Set<String> mappedFrom = content.mappings().stream().map(Mapping::from).collect(Collectors.toSet());
        List<String> stranded = new ArrayList<>();
        for (CatalogContent.GuidelineEntry g : content.guidelines()) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                CatalogContent.VersionFile file = content.versionFiles().get(CatalogContent.fileKey(g.id(), v.version()));
                if (file == null || v.status() != VersionStatus.SUPERSEDED
                        || !hasSuccessorWithContent(CatalogContent.fileKey(g.id(), v.version()))) {
                    continue; // no later version of the lineage has a content file yet
                }
                Set<String> laterKeys = content.versionFiles().values().stream()
                        .filter(f -> f.guideline().equals(g.id()) && f != file)
                        .flatMap(f -> f.requirements().stream()).map(Requirement::key).collect(Collectors.toSet());
                file.requirements().stream().map(Requirement::key)
                        .filter(k -> !laterKeys.contains(k) && !mappedFrom.contains(k))
                        .forEach(k -> stranded.add(g.id() + " " + v.version() + ": " + k));
            }
        }
        assertThat(stranded).as("superseded requirements without a successor").isEmpty();
    }

    @Test
    void the_role_sharing_checklist_names_a_party_and_requirements_for_every_item() {
        DisclosureTemplate checklist = content.templates().stream()
                .filter(t -> t.kind() == TemplateKind.ROLE_SHARING_CHECKLIST).findFirst().orElseThrow();
        assertThat(checklist.items()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.party()).as(item.ref()).isNotNull();
            assertThat(item.requirements()).as(item.ref()).isNotEmpty();
        });
    }

    @Test
    void the_readme_coverage_table_matches_the_content_files() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        content.versionFiles().forEach((key, file) -> {
            VerificationCoverage c = VerificationCoverage.of(file.requirements());
            String row = "| " + file.guideline() + " | " + file.version() + " | " + c.total() + " | " + c.verified()
                    + " | " + c.draftChecked() + " | " + c.unverified() + " |";
            assertThat(readme).as("catalog-service/README.md coverage row for " + key).contains(row);
        });
        assertThat(readme).contains(content.mappings().size() + " mappings, " + content.threats().size()
                + " threats, " + content.templates().size() + " disclosure templates");
    }

    @Test
    void a_requirement_without_citation_is_refused() {
        assertThat(problemsAfter(r -> with(r, null, r.summary()))).anyMatch(p -> p.contains("citation"));
    }

    @Test
    void a_requirement_missing_a_language_is_refused() {
        assertThat(problemsAfter(r -> with(r, r.citation(), new LocalizedText(r.summary().ja(), " "))))
                .anyMatch(p -> p.contains("summary needs both ja and en"));
    }

    @Test
    void an_unknown_category_phase_or_party_is_refused_with_its_file_and_path() {
        CatalogContentReader reader = new CatalogContentReader();
        assertThatThrownBy(() -> readYamlVersion(reader, "category: GOVERNANCE", "category: SORCERY"))
                .isInstanceOf(CatalogContentException.class).hasMessageContaining("category")
                .hasMessageContaining("SORCERY");
        assertThatThrownBy(() -> readYamlVersion(reader, "- OPERATION", "- SOMETIME"))
                .isInstanceOf(CatalogContentException.class).hasMessageContaining("SOMETIME");
        assertThatThrownBy(() -> readYamlVersion(reader, "party: VENDOR", "party: NOBODY"))
                .isInstanceOf(CatalogContentException.class).hasMessageContaining("party");
    }

    @Test
    void a_key_twice_in_one_version_is_refused() {
        CatalogContent.VersionFile file = content.versionFiles().get("mhlw-medical-information-security/6.0");
        List<CatalogContent.SectionEntry> sections = new ArrayList<>(file.sections());
        CatalogContent.SectionEntry first = sections.stream().filter(s -> !s.requirements().isEmpty()).findFirst()
                .orElseThrow();
        List<Requirement> doubled = new ArrayList<>(first.requirements());
        doubled.add(first.requirements().get(0));
        sections.set(sections.indexOf(first),
                new CatalogContent.SectionEntry(first.number(), first.parent(), first.title(), doubled));
        assertThat(CatalogContentValidator.problems(replace("mhlw-medical-information-security/6.0",
                CatalogContent.VersionFile.of(file.guideline(), file.version(), sections))))
                .anyMatch(p -> p.contains("appears twice in this version"));
    }

    @Test
    void a_key_shared_by_two_guidelines_is_refused() {
        String vendorKey = content.versionFiles().get("meti-mic-medical-service-provider/1.1").requirements().get(0).key();
        List<String> problems = problemsAfter(r -> new Requirement(vendorKey, r.sectionNumber(), r.ref(), r.title(),
                r.summary(), r.obligation(), r.category(), r.phases(), r.party(), r.serviceModels(),
                r.dataCategories(), r.threats(), r.evidence(), r.citation(), r.guidance(), r.verification(),
                r.unverifiedReason(),
                r.status()));
        assertThat(problems).anyMatch(p -> p.contains(vendorKey) && p.contains("never repeat across guidelines"));
    }

    @Test
    void a_mapping_template_or_threat_reference_to_a_missing_key_is_refused() {
        List<Mapping> mappings = new ArrayList<>(content.mappings());
        Mapping m = mappings.get(0);
        mappings.add(new Mapping(m.from(), "NO-SUCH-KEY", m.relation(), m.basis(), m.confidence(), m.rationale(), null));
        List<DisclosureTemplate> templates = new ArrayList<>(content.templates());
        DisclosureTemplate t = templates.get(0);
        List<DisclosureTemplate.Item> items = new ArrayList<>(t.items());
        items.add(new DisclosureTemplate.Item("x", new LocalizedText("あ", "a"), List.of("GONE-KEY"), null,
                Verification.UNVERIFIED, null));
        templates.set(0, new DisclosureTemplate(t.id(), t.kind(), t.title(), t.source(), items));
        CatalogContent broken = new CatalogContent(content.guidelines(), content.versionFiles(), mappings,
                content.threats().subList(1, content.threats().size()), templates);

        List<String> problems = CatalogContentValidator.problems(broken);

        assertThat(problems).anyMatch(p -> p.startsWith("mappings.yaml") && p.contains("NO-SUCH-KEY"));
        assertThat(problems).anyMatch(p -> p.startsWith("disclosure-templates.yaml") && p.contains("GONE-KEY"));
        String removedThreat = content.threats().get(0).code();
        assertThat(problems).anyMatch(p -> p.contains("unknown threat " + removedThreat));
    }

    // ---- helpers ----

    /** Whether a version (guideline/version) is followed, through the lineage, by a version with a content file. */
    private static boolean hasSuccessorWithContent(String versionKey) {
        List<String> frontier = new ArrayList<>(List.of(versionKey));
        Set<String> seen = new java.util.HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            String current = frontier.remove(0);
            for (CatalogContent.GuidelineEntry g : content.guidelines()) {
                for (CatalogContent.VersionEntry v : g.versions()) {
                    String key = CatalogContent.fileKey(g.id(), v.version());
                    boolean follows = v.supersedes().stream()
                            .anyMatch(s -> CatalogContent.fileKey(s.guideline(), s.version()).equals(current));
                    if (follows && seen.add(key)) {
                        if (v.content()) {
                            return true;
                        }
                        frontier.add(key);
                    }
                }
            }
        }
        return false;
    }

    /** Applies a change to the first requirement of MHLW 6.0 and validates the whole content. */
    private List<String> problemsAfter(UnaryOperator<Requirement> change) {
        String key = "mhlw-medical-information-security/6.0";
        CatalogContent.VersionFile file = content.versionFiles().get(key);
        List<CatalogContent.SectionEntry> sections = new ArrayList<>();
        boolean changed = false;
        for (CatalogContent.SectionEntry s : file.sections()) {
            List<Requirement> rs = new ArrayList<>(s.requirements());
            if (!changed && !rs.isEmpty()) {
                rs.set(0, change.apply(rs.get(0)));
                changed = true;
            }
            sections.add(new CatalogContent.SectionEntry(s.number(), s.parent(), s.title(), rs));
        }
        return CatalogContentValidator.problems(replace(key, CatalogContent.VersionFile.of(file.guideline(),
                file.version(), sections)));
    }

    private CatalogContent replace(String key, CatalogContent.VersionFile file) {
        Map<String, CatalogContent.VersionFile> files = new LinkedHashMap<>(content.versionFiles());
        files.put(key, file);
        return new CatalogContent(content.guidelines(), files, content.mappings(), content.threats(),
                content.templates());
    }

    private static Requirement with(Requirement r, Citation citation, LocalizedText summary) {
        return with(r, citation, summary, r.verification());
    }

    private static Requirement with(Requirement r, Citation citation, LocalizedText summary,
                                    Verification verification) {
        return new Requirement(r.key(), r.sectionNumber(), r.ref(), r.title(), summary, r.obligation(), r.category(),
                r.phases(), r.party(), r.serviceModels(), r.dataCategories(), r.threats(), r.evidence(), citation,
                r.guidance(), verification, r.unverifiedReason(), r.status());
    }

    private static Object readYamlVersion(CatalogContentReader reader, String from, String to) throws Exception {
        try (var in = CatalogContentTest.class.getClassLoader()
                .getResourceAsStream("catalog/versions/meti-mic-medical-service-provider/1.1.yaml")) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst(java.util.regex.Pattern.quote(from), to);
            return reader.readVersion("6.0.yaml", yaml);
        }
    }
}
