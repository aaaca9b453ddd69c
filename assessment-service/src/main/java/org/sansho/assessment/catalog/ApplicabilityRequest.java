package org.sansho.assessment.catalog;

import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;

/** The question asked of the catalog: which requirements of this baseline apply to these phases and parties. */
public record ApplicabilityRequest(List<VersionRef> baseline, List<String> phases, List<String> parties,
                                   String serviceModel, List<String> dataCategories) {
}
