package org.sansho.catalog.guideline.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which requirements a reader asks for. Empty sets mean "any". A requirement whose service-model or data-category
 * list is empty applies to every service model or data category (the guideline does not narrow it).
 * An applicability checklist only ever takes ACTIVE requirements: withdrawn and moved ones stay in the catalog
 * for history but are no longer owed.
 */
public record RequirementFilter(
        Set<ContractPhase> phases,
        Set<Party> parties,
        Set<Category> categories,
        Set<Obligation> obligations,
        ServiceModel serviceModel,
        Set<DataCategory> dataCategories,
        String text,
        boolean activeOnly) {

    public static final RequirementFilter ALL = new RequirementFilter(Set.of(), Set.of(), Set.of(), Set.of(), null,
            Set.of(), null, false);

    public RequirementFilter {
        phases = phases == null ? Set.of() : Set.copyOf(phases);
        parties = parties == null ? Set.of() : Set.copyOf(parties);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        obligations = obligations == null ? Set.of() : Set.copyOf(obligations);
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** @param searchText the requirement's lower-cased key, ref, titles and summaries (precomputed by the index) */
    public boolean matches(Requirement r, String searchText) {
        if (activeOnly && r.status() != RequirementStatus.ACTIVE) {
            return false;
        }
        if (!phases.isEmpty() && r.phases().stream().noneMatch(phases::contains)) {
            return false;
        }
        if (!parties.isEmpty() && !parties.contains(r.party())) {
            return false;
        }
        if (!categories.isEmpty() && !categories.contains(r.category())) {
            return false;
        }
        if (!obligations.isEmpty() && !obligations.contains(r.obligation())) {
            return false;
        }
        if (serviceModel != null && !r.serviceModels().isEmpty() && !r.serviceModels().contains(serviceModel)) {
            return false;
        }
        if (!dataCategories.isEmpty() && !r.dataCategories().isEmpty()
                && r.dataCategories().stream().noneMatch(dataCategories::contains)) {
            return false;
        }
        return text == null || searchText.contains(text);
    }

    public static String searchText(Requirement r) {
        return String.join("\n", r.key(), nullToEmpty(r.ref()), r.title().ja(), r.title().en(), r.summary().ja(),
                r.summary().en()).toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
