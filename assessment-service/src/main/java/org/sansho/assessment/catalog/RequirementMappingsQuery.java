package org.sansho.assessment.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.Collection;
import java.util.TreeSet;

/**
 * How the catalog says requirement keys correspond across versions: the mappings that touch a version's keys, of
 * the relations asked for. Not cached: publishing a later version may add mappings that touch this one's keys, and
 * a re-baseline (the one reader) is rare. Failures are the client's: a {@link CatalogRefusal} for a 4xx, any
 * other exception when the catalog cannot be reached.
 */
@ApplicationScoped
public class RequirementMappingsQuery {

    private final CatalogClient catalog;

    public RequirementMappingsQuery(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public RequirementMappings of(VersionRef version, Collection<String> relations) {
        return catalog.mappings(version.guidelineId(), version.version(), String.join(",", new TreeSet<>(relations)));
    }
}
