package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementRules;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.Verification;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog of our own making in every shape another publisher may use (nested groups, groups without ids,
 * controls outside any group, enhancements, parameters with values, labels, choices and none at all, parts other
 * than the statement, props and links of other namespaces, back-matter), read without Quarkus.
 */
class OscalCatalogImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode foreignCatalog() throws IOException {
        try (InputStream in = OscalCatalogImportTest.class.getResourceAsStream("/oscal/foreign-catalog.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void the_test_catalog_is_a_valid_oscal_1_1_catalog_by_the_official_schema() throws IOException {
        assertThat(OscalCatalogSchema.official().problems(foreignCatalog())).isEmpty();
    }

    @Test
    void groups_become_sections_with_their_ids_titles_and_nesting_and_groups_without_id_are_numbered_by_position()
            throws IOException {
        OscalCatalogImport.Imported imported = OscalCatalogImport.read(foreignCatalog(), null);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.sections()).containsExactly(
                new Section("catalog", null, new LocalizedText("Example Control Catalog", "Example Control Catalog")),
                new Section("gov", null, new LocalizedText("Governance", "Governance")),
                new Section("g2", null, new LocalizedText("Operations", "Operations")),
                new Section("g2.1", "g2", new LocalizedText("Backups", "Backups")),
                new Section("ops-sub", "g2", new LocalizedText("Operational Details", "Operational Details")));
        assertThat(imported.version()).isEqualTo("2.1");
        assertThat(imported.guidelineId()).isNull();
        assertThat(imported.guidelineTitle()).isEqualTo(
                new LocalizedText("Example Control Catalog", "Example Control Catalog"));
    }

    @Test
    void controls_and_enhancements_become_requirements_with_the_statement_prose_and_parameters_resolved_or_shown()
            throws IOException {
        Map<String, Requirement> byKey = byKey(OscalCatalogImport.read(foreignCatalog(), null));

        assertThat(byKey.keySet()).containsExactly("top-1", "gov-1", "gov-1.1", "gov-2", "gov-3", "ops-1", "ops-2");
        Requirement policy = byKey.get("gov-1");
        assertThat(policy.sectionNumber()).isEqualTo("gov");
        assertThat(policy.ref()).isEqualTo("GOV-1");
        assertThat(policy.title()).isEqualTo(new LocalizedText("Policy", "Policy"));
        assertThat(policy.summary().en()).isEqualTo("""
                Develop a policy and share it with [Assignment: organization-defined personnel]:
                  a. [Selection (one or more): organization-level; mission-level; system-level] policy, reviewed \
                quarterly;
                  b. Review it with [Assignment: no-such-param].""");
        assertThat(policy.summary().ja()).isEqualTo(policy.summary().en());
        assertThat(policy.guidance()).singleElement().satisfies(g -> {
            assertThat(g.ref()).isEqualTo("gov-1_gdn");
            assertThat(g.document()).isEqualTo("Example Control Catalog");
            assertThat(g.note().en()).isEqualTo("A policy sets the direction of the programme.");
        });
        assertThat(byKey.get("gov-1.1").sectionNumber()).isEqualTo("gov");
        assertThat(byKey.get("gov-1.1").summary().en())
                .isEqualTo("Automate the review approved by [Assignment: approving authority].");
        assertThat(byKey.get("ops-2").sectionNumber()).isEqualTo("ops-sub");
        assertThat(byKey.get("ops-1").sectionNumber()).isEqualTo("g2.1");
        assertThat(byKey.get("top-1").sectionNumber()).isEqualTo("catalog");
    }

    @Test
    void a_foreign_control_gets_our_defaults_a_citation_of_the_catalog_and_is_unverified_and_valid_by_our_rules()
            throws IOException {
        Map<String, Requirement> byKey = byKey(OscalCatalogImport.read(foreignCatalog(), null));

        Requirement policy = byKey.get("gov-1");
        assertThat(policy.obligation()).isEqualTo(Obligation.MANDATORY);
        assertThat(policy.category()).isEqualTo(Category.GOVERNANCE);
        assertThat(policy.party()).isEqualTo(Party.SHARED);
        assertThat(policy.phases()).containsExactly(GuidelinePhase.OPERATION);
        assertThat(policy.citation()).isEqualTo(new Citation("Example Control Catalog", "2.1", "gov-1", null, null));
        assertThat(policy.verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(policy.unverifiedReason()).isEqualTo(
                "imported from Example Standards Body OSCAL catalog; not a guideline of this catalog");
        assertThat(policy.status()).isEqualTo(RequirementStatus.ACTIVE);
        for (Requirement r : byKey.values()) {
            assertThat(RequirementRules.problems(r)).as(r.key()).isEmpty();
        }
    }

    @Test
    void what_the_catalog_marks_recommended_informative_or_withdrawn_is_read_so() throws IOException {
        Map<String, Requirement> byKey = byKey(OscalCatalogImport.read(foreignCatalog(), null));

        assertThat(byKey.get("gov-2").obligation()).isEqualTo(Obligation.RECOMMENDED);
        assertThat(byKey.get("gov-2").summary().en()).as("no statement part: the title").isEqualTo("Policy Awareness");
        assertThat(byKey.get("ops-2").obligation()).isEqualTo(Obligation.INFORMATIVE);
        assertThat(byKey.get("gov-3").status()).isEqualTo(RequirementStatus.MOVED);
    }

    @Test
    void the_defaults_given_replace_category_party_and_phases() throws IOException {
        OscalCatalogImport.Imported imported = OscalCatalogImport.read(foreignCatalog(),
                new OscalCatalogImport.Defaults(Category.TECHNICAL, Party.VENDOR,
                        List.of(GuidelinePhase.DEVELOPMENT, GuidelinePhase.OPERATION)));

        assertThat(imported.requirements()).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.TECHNICAL);
            assertThat(r.party()).isEqualTo(Party.VENDOR);
            assertThat(r.phases()).containsExactly(GuidelinePhase.DEVELOPMENT, GuidelinePhase.OPERATION);
        });
        assertThat(imported.report().defaults()).contains(
                new OscalImportReport.DefaultApplied("category", "TECHNICAL", 7),
                new OscalImportReport.DefaultApplied("party", "VENDOR", 7));
    }

    @Test
    void the_report_counts_what_was_read_the_defaults_per_field_and_the_parameters() throws IOException {
        OscalImportReport report = OscalCatalogImport.read(foreignCatalog(), null).report();

        assertThat(report.status()).isEqualTo("DRAFT");
        assertThat(report.source()).isEqualTo(new OscalImportReport.Source("Example Control Catalog", "2.1", "1.1.2",
                "Example Standards Body", "FOREIGN"));
        assertThat(report.counts()).isEqualTo(new OscalImportReport.Counts(4, 7, 1, 1, 5, 7, 0));
        Map<String, Integer> defaults = report.defaults().stream().collect(Collectors.toMap(
                OscalImportReport.DefaultApplied::field, OscalImportReport.DefaultApplied::count));
        assertThat(defaults).containsEntry("title.ja", 7).containsEntry("summary.ja", 7)
                .containsEntry("obligation", 5).containsEntry("phases", 7).containsEntry("citation", 7)
                .containsEntry("verification", 7).containsEntry("unverifiedReason", 7)
                .containsEntry("section.number", 2).containsEntry("section.title.ja", 5)
                .containsEntry("summary.en", 2).containsEntry("ref", 4).containsEntry("guidance", 2);
        assertThat(report.params().inserted()).isEqualTo(5);
        assertThat(report.params().resolved()).isEqualTo(1);
        assertThat(report.params().shown()).isEqualTo(3);
        assertThat(report.params().unresolved()).isEqualTo(1);
        assertThat(report.params().unresolvedUses()).containsExactly(new OscalImportReport.ParamUse("no-such-param",
                "catalog.groups[gov].controls[gov-1].parts[0].parts[1]"));
    }

    @Test
    void every_element_not_mapped_is_reported_with_its_path() throws IOException {
        OscalImportReport report = OscalCatalogImport.read(foreignCatalog(), null).report();

        Map<String, List<String>> paths = report.unmapped().stream().collect(Collectors.toMap(
                OscalImportReport.Unmapped::element, OscalImportReport.Unmapped::paths));
        assertThat(paths).containsEntry("control part assessment-objective",
                        List.of("catalog.groups[gov].controls[gov-1].parts[2]"))
                .containsEntry("control prop sort-id", List.of("catalog.groups[gov].controls[gov-1].props[2]"))
                .containsEntry("control prop label class zero-padded",
                        List.of("catalog.groups[gov].controls[gov-1].props[1]"))
                .containsEntry("control prop implementation-level (ns http://csrc.nist.gov/ns/rmf)",
                        List.of("catalog.groups[gov].controls[gov-1].props[3]"))
                .containsEntry("control link rel=reference", List.of("catalog.groups[gov].controls[gov-1].links[0]"))
                .containsEntry("control link rel=related", List.of("catalog.groups[gov].controls[gov-1].links[1]"))
                .containsEntry("control link rel=moved-to", List.of("catalog.groups[gov].controls[gov-3].links[0]"))
                .containsEntry("control class SP800-53", List.of("catalog.groups[gov].controls[gov-1]"))
                .containsEntry("control class SP800-53-enhancement",
                        List.of("catalog.groups[gov].controls[gov-1].controls[gov-1.1]"))
                .containsEntry("group class family", List.of("catalog.groups[gov]"))
                .containsEntry("group prop sort-id", List.of("catalog.groups[gov].props[0]"))
                .containsEntry("group part overview", List.of("catalog.groups[gov].parts[0]"))
                .containsEntry("parameter", List.of("catalog.groups[gov].controls[gov-1].params[3]"))
                .containsEntry("back-matter resource",
                        List.of("catalog.back-matter.resources[0] (Example Reference)"))
                .containsEntry("metadata published", List.of("catalog.metadata.published"))
                .containsEntry("metadata last-modified", List.of("catalog.metadata.last-modified"))
                .containsEntry("metadata links", List.of("catalog.metadata.links"))
                .containsEntry("metadata prop keywords (ns https://example.org/ns/catalog)",
                        List.of("catalog.metadata.props[0]"));
        assertThat(report.unmappedTotal()).isEqualTo(report.unmapped().stream()
                .mapToInt(OscalImportReport.Unmapped::count).sum()).isEqualTo(18);
    }

    @Test
    void a_statement_beyond_what_the_catalog_stores_is_cut_and_the_cut_reported() throws IOException {
        ObjectNode doc = (ObjectNode) foreignCatalog();
        ((ObjectNode) doc.at("/catalog/controls/0/parts/0")).put("prose", "x".repeat(5000));

        OscalCatalogImport.Imported imported = OscalCatalogImport.read(doc, null);

        assertThat(byKey(imported).get("top-1").summary().en()).hasSize(OscalCatalogImport.SUMMARY_MAX).endsWith("…");
        assertThat(imported.report().unmapped()).anySatisfy(u -> {
            assertThat(u.element()).isEqualTo("statement text beyond 4000 characters");
            assertThat(u.paths()).containsExactly("catalog.controls[top-1]");
        });
    }

    @Test
    void a_control_id_that_is_no_key_of_ours_is_made_one_and_the_change_reported() throws IOException {
        ObjectNode doc = (ObjectNode) foreignCatalog();
        ((ObjectNode) doc.at("/catalog/controls/0")).put("id", "_制御-1");

        OscalCatalogImport.Imported imported = OscalCatalogImport.read(doc, null);

        assertThat(imported.requirements().get(0).key()).isEqualTo("x_---1");
        assertThat(imported.report().defaults()).anySatisfy(d -> assertThat(d.field()).isEqualTo("key"));
    }

    @Test
    void a_document_without_a_catalog_or_with_our_props_holding_unknown_values_is_a_problem_not_a_crash()
            throws IOException {
        assertThat(OscalCatalogImport.read(JSON.readTree("{\"profile\":{}}"), null).problems())
                .containsExactly("catalog: is missing");
        ObjectNode doc = (ObjectNode) foreignCatalog();
        ((ObjectNode) doc.at("/catalog/controls/0")).putArray("props").addObject()
                .put("name", "key").put("ns", OscalCatalog.NS).put("value", "TOP-1");
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.at("/catalog/controls/0/props")).addObject()
                .put("name", "obligation").put("ns", OscalCatalog.NS).put("value", "SOMETIMES");

        assertThat(OscalCatalogImport.read(doc, null).problems())
                .containsExactly("control top-1: obligation 'SOMETIMES' is not a value of this catalog");
    }

    private static Map<String, Requirement> byKey(OscalCatalogImport.Imported imported) {
        return imported.requirements().stream().collect(Collectors.toMap(Requirement::key, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
