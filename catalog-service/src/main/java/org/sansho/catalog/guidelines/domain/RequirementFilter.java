package org.sansho.catalog.guidelines.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which requirements a reader asks for. Empty sets mean "any". A requirement whose service-model or data-category
 * list is empty applies to every service model or data category (the guideline does not narrow it).
 * An applicability checklist only ever takes ACTIVE requirements: withdrawn and moved ones stay in the catalog
 * for history but are no longer owed.
 */
public record RequirementFilter(
        Set<GuidelinePhase> phases,
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

    public boolean matches(Requirement r) {
        return matcher().test(r, Bits.of(r), text == null ? null : searchText(r));
    }

    /**
     * The filter compiled to bit masks, to be applied over many requirements with their precomputed {@link Bits}:
     * no allocation per requirement, so a checklist over thousands of requirements costs microseconds.
     */
    public Matcher matcher() {
        return new Matcher(this, Bits.mask(phases), serviceModel == null ? 0 : 1 << serviceModel.ordinal(),
                Bits.mask(dataCategories));
    }

    public record Matcher(RequirementFilter filter, int phaseMask, int serviceModelMask, int dataCategoryMask) {

        /** @param searchText the requirement's lower-cased key, ref, titles and summaries (precomputed) */
        public boolean test(Requirement r, Bits bits, String searchText) {
            if (filter.activeOnly && r.status() != RequirementStatus.ACTIVE) {
                return false;
            }
            if (phaseMask != 0 && (bits.phases() & phaseMask) == 0) {
                return false;
            }
            if (!filter.parties.isEmpty() && !filter.parties.contains(r.party())) {
                return false;
            }
            if (!filter.categories.isEmpty() && !filter.categories.contains(r.category())) {
                return false;
            }
            if (!filter.obligations.isEmpty() && !filter.obligations.contains(r.obligation())) {
                return false;
            }
            if (serviceModelMask != 0 && bits.serviceModels() != 0 && (bits.serviceModels() & serviceModelMask) == 0) {
                return false;
            }
            if (dataCategoryMask != 0 && bits.dataCategories() != 0
                    && (bits.dataCategories() & dataCategoryMask) == 0) {
                return false;
            }
            return filter.text == null || searchText.contains(filter.text);
        }
    }

    /** A requirement's phases, service models and data categories as bit sets (bit = enum ordinal). */
    public record Bits(int phases, int serviceModels, int dataCategories) {

        public static Bits of(Requirement r) {
            return new Bits(mask(r.phases()), mask(r.serviceModels()), mask(r.dataCategories()));
        }

        static int mask(java.util.Collection<? extends Enum<?>> values) {
            int mask = 0;
            for (Enum<?> v : values) {
                mask |= 1 << v.ordinal();
            }
            return mask;
        }
    }

    public static String searchText(Requirement r) {
        return String.join("\n", r.key(), nullToEmpty(r.ref()), r.title().ja(), r.title().en(), r.summary().ja(),
                r.summary().en()).toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
