package org.sansho.assessment.catalog;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which catalog requirements an assessment covers: those of the contract's baseline that apply to the phase, to
 * what a vendor answers (its own, shared and subcontracted duties; the hospital's own duties are assessed
 * elsewhere), to the service model and to the data categories. Answers are cached: a published version never
 * changes, so the same question always has the same answer. Failures are not cached.
 */
@ApplicationScoped
public class ApplicableRequirementsQuery {

    /** The parties whose duties a vendor answers for (2省GL §2.2: the direct vendor includes its suppliers). */
    public static final List<String> VENDOR_PARTIES = List.of("VENDOR", "SHARED", "SUBCONTRACTOR");

    private final CatalogClient catalog;
    private final Cache answers;

    public ApplicableRequirementsQuery(@RestClient CatalogClient catalog, @CacheName("applicability") Cache answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    public ApplicableRequirements find(List<VersionRef> baseline, AssessmentPhase phase, String serviceModel,
                                       List<String> dataCategories) {
        return ask(request(baseline, phase, serviceModel, dataCategories));
    }

    /** The answer if it is at hand (asked before and kept); never a call to the catalog. */
    public Optional<ApplicableRequirements> known(List<VersionRef> baseline, AssessmentPhase phase,
                                                  String serviceModel, List<String> dataCategories) {
        CompletableFuture<ApplicableRequirements> kept = answers.as(CaffeineCache.class)
                .getIfPresent(request(baseline, phase, serviceModel, dataCategories));
        if (kept == null || !kept.isDone() || kept.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(kept.join());
    }

    private static ApplicabilityRequest request(List<VersionRef> baseline, AssessmentPhase phase, String serviceModel,
                                                List<String> dataCategories) {
        return new ApplicabilityRequest(List.copyOf(baseline), phase.catalogPhases(), VENDOR_PARTIES,
                serviceModel, dataCategories == null ? List.of() : List.copyOf(dataCategories));
    }

    @CacheResult(cacheName = "applicability")
    public ApplicableRequirements ask(ApplicabilityRequest request) {
        return catalog.applicability(request);
    }

    /**
     * Forgets every kept answer: a revision corrects the requirements of a published version in place, so answers
     * kept for it no longer hold (the other versions' answers are asked again once, which is cheap).
     */
    public void forgetAll() {
        answers.invalidateAll().await().indefinitely();
    }
}
