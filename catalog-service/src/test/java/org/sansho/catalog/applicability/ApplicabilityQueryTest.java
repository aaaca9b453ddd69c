package org.sansho.catalog.applicability;

import org.junit.jupiter.api.Test;
import org.sansho.catalog.applicability.domain.ApplicabilityQuery;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.Verification;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionInfo;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicability rule in isolation, and its cost over a catalog of 5,000 requirements. */
class ApplicabilityQueryTest {

    private static Requirement requirement(String key, List<GuidelinePhase> phases, Party party,
                                           List<ServiceModel> models, List<DataCategory> data,
                                           RequirementStatus status) {
        return new Requirement(key, "1", "ref", new LocalizedText("題", "Title " + key),
                new LocalizedText("要約", "Summary"), Obligation.MANDATORY, Category.AGREEMENT, phases, party,
                models, data, List.of(), List.of(), new Citation("doc", "1", "1", 1, null), List.of(), Verification.VERIFIED, null,
                status);
    }

    private static VersionContent version(List<Requirement> requirements) {
        return new VersionContent(new VersionInfo("g", "1", LocalDate.of(2025, 1, 1), VersionStatus.PUBLISHED,
                List.of(), List.of(), null, null, null, true, 0), List.of(), requirements, List.of(), "tag");
    }

    @Test
    void empty_service_model_and_data_category_lists_apply_to_all_and_withdrawn_requirements_never_apply() {
        VersionContent v = version(List.of(
                requirement("ALL", List.of(GuidelinePhase.PRE_CONTRACT), Party.VENDOR, List.of(), List.of(), RequirementStatus.ACTIVE),
                requirement("IAAS-ONLY", List.of(GuidelinePhase.PRE_CONTRACT), Party.VENDOR, List.of(ServiceModel.IAAS), List.of(), RequirementStatus.ACTIVE),
                requirement("RECORDS", List.of(GuidelinePhase.PRE_CONTRACT), Party.VENDOR, List.of(), List.of(DataCategory.LEGAL_RETENTION_RECORDS), RequirementStatus.ACTIVE),
                requirement("HOSPITAL", List.of(GuidelinePhase.PRE_CONTRACT), Party.HOSPITAL, List.of(), List.of(), RequirementStatus.ACTIVE),
                requirement("LATER", List.of(GuidelinePhase.TERMINATION), Party.VENDOR, List.of(), List.of(), RequirementStatus.ACTIVE),
                requirement("GONE", List.of(GuidelinePhase.PRE_CONTRACT), Party.VENDOR, List.of(), List.of(), RequirementStatus.WITHDRAWN)));

        List<String> keys = new ApplicabilityQuery(Set.of(GuidelinePhase.PRE_CONTRACT), Set.of(Party.VENDOR, Party.SHARED),
                ServiceModel.SAAS, Set.of(DataCategory.OTHER_PERSONAL_HEALTH_INFO)).over(List.of(v)).stream()
                .map(a -> a.requirement().key()).toList();

        assertThat(keys).containsExactly("ALL");
        assertThat(new ApplicabilityQuery(Set.of(), Set.of(), null, Set.of()).over(List.of(v)))
                .hasSize(5);
    }

    @Test
    void a_checklist_over_5000_requirements_holds_exactly_the_ones_that_apply() {
        // Speed is measured by the benchmark, never by a test; this checks the rule at catalog scale.
        Random random = new Random(42);
        List<Requirement> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(requirement("K-" + i,
                    List.of(GuidelinePhase.values()[random.nextInt(6)], GuidelinePhase.values()[random.nextInt(6)]).stream().distinct().toList(),
                    Party.values()[random.nextInt(4)],
                    random.nextBoolean() ? List.of() : List.of(ServiceModel.values()[random.nextInt(4)]),
                    random.nextInt(4) == 0 ? List.of(DataCategory.LEGAL_RETENTION_RECORDS) : List.of(),
                    random.nextInt(20) == 0 ? RequirementStatus.WITHDRAWN : RequirementStatus.ACTIVE));
        }
        ApplicabilityQuery query = new ApplicabilityQuery(Set.of(GuidelinePhase.PRE_CONTRACT),
                Set.of(Party.VENDOR, Party.SHARED), ServiceModel.SAAS, Set.of(DataCategory.OTHER_PERSONAL_HEALTH_INFO));

        List<String> applicable = query.over(List.of(version(many))).stream().map(a -> a.requirement().key()).toList();

        List<String> expected = many.stream()
                .filter(r -> r.status() == RequirementStatus.ACTIVE)
                .filter(r -> r.phases().contains(GuidelinePhase.PRE_CONTRACT))
                .filter(r -> r.party() == Party.VENDOR || r.party() == Party.SHARED)
                .filter(r -> r.serviceModels().isEmpty() || r.serviceModels().contains(ServiceModel.SAAS))
                .filter(r -> r.dataCategories().isEmpty()
                        || r.dataCategories().contains(DataCategory.OTHER_PERSONAL_HEALTH_INFO))
                .map(Requirement::key).toList();
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(applicable).containsExactlyInAnyOrderElementsOf(expected);
    }
}
