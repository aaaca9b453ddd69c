package org.sansho.catalog.applicability.domain;

import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementFilter;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The requirements a contract owes: those of the baseline versions that are ACTIVE and apply to the contract's
 * phases, parties, service model and data categories. This is the checklist procurement sends to a vendor before
 * signing (vendor guideline §3.2.1: shared understanding, then explicit agreement).
 */
public final class ApplicabilityQuery {

    /** A requirement with the version it was taken from. */
    public record Applicable(VersionRef version, Requirement requirement) {
    }

    private final RequirementFilter filter;

    public ApplicabilityQuery(Set<GuidelinePhase> phases, Set<Party> parties, ServiceModel serviceModel,
                              Set<DataCategory> dataCategories) {
        this.filter = new RequirementFilter(phases, parties, Set.of(), Set.of(), serviceModel, dataCategories, null,
                true);
    }

    public List<Applicable> over(List<VersionContent> baseline) {
        List<Applicable> result = new ArrayList<>();
        for (VersionContent version : baseline) {
            VersionRef ref = version.info().ref();
            for (Requirement r : version.select(filter)) {
                result.add(new Applicable(ref, r));
            }
        }
        return result;
    }
}
