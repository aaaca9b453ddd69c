package org.sansho.assessment.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which catalog requirements an assessment covers: those of the contract's baseline that apply to the phase, to
 * what a vendor answers (its own, shared and subcontracted duties; the hospital's own duties are assessed
 * elsewhere), to the service model and to the data categories. Answers are kept, per question (baseline, phases,
 * parties, service model, data categories): a published version never changes, so the same question always has the
 * same answer, and an assessment opening finds it at hand instead of asking the catalog. Only published versions are
 * ever kept: the catalog answers a baseline naming a draft with a 404 ({@link CatalogRefusal}), and failures are not
 * kept. A revision, which corrects a published version in place, empties the cache ({@link #forgetAll}).
 *
 * <p>Bounded by an estimate of the bytes the answers hold ({@link #weight}), least recently used out first, rather
 * than by a number of answers: one answer for a baseline of a few hundred requirements holds a few hundred KB of
 * text, one for a 5,000-requirement baseline several MB, and a count would bound neither.
 */
@ApplicationScoped
public class ApplicableRequirementsQuery {

    /** The parties whose duties a vendor answers for (2省GL §2.2: the direct vendor includes its suppliers). */
    public static final List<String> VENDOR_PARTIES = List.of("VENDOR", "SHARED", "SUBCONTRACTOR");

    private final CatalogClient catalog;
    private final Cache<ApplicabilityRequest, ApplicableRequirements> answers;

    public ApplicableRequirementsQuery(@RestClient CatalogClient catalog,
                                       @ConfigProperty(name = "sansho.assessment.applicability-cache-bytes",
                                               defaultValue = "33554432") long maxBytes,
                                       @ConfigProperty(name = "sansho.assessment.applicability-cache-idle",
                                               defaultValue = "PT6H") Duration idle) {
        this.catalog = catalog;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((ApplicabilityRequest question, ApplicableRequirements answer) -> weight(answer))
                .expireAfterAccess(idle)
                .build();
    }

    public ApplicableRequirements find(List<VersionRef> baseline, AssessmentPhase phase, String serviceModel,
                                       List<String> dataCategories) {
        return ask(request(baseline, phase, serviceModel, dataCategories));
    }

    /** The answer if it is at hand (asked before and kept); never a call to the catalog. */
    public Optional<ApplicableRequirements> known(List<VersionRef> baseline, AssessmentPhase phase,
                                                  String serviceModel, List<String> dataCategories) {
        return Optional.ofNullable(answers.getIfPresent(request(baseline, phase, serviceModel, dataCategories)));
    }

    private static ApplicabilityRequest request(List<VersionRef> baseline, AssessmentPhase phase, String serviceModel,
                                                List<String> dataCategories) {
        return new ApplicabilityRequest(List.copyOf(baseline), phase.catalogPhases(), VENDOR_PARTIES,
                serviceModel, dataCategories == null ? List.of() : List.copyOf(dataCategories));
    }

    /** The kept answer, or the catalog's (kept when it answers; a refusal or failure is thrown and not kept). */
    public ApplicableRequirements ask(ApplicabilityRequest request) {
        return answers.get(request, catalog::applicability);
    }

    /**
     * An estimate of the heap an answer holds, in bytes: each string's characters at two bytes (the texts are mostly
     * Japanese, which Java keeps as UTF-16) plus about 40 bytes of object headers and references per string, and
     * about 100 per requirement and list. Within a factor of two of a heap histogram is enough for a bound.
     */
    static int weight(ApplicableRequirements answer) {
        long bytes = 200;
        if (answer.requirements() != null) {
            for (ApplicableRequirements.Requirement r : answer.requirements()) {
                bytes += 100 + chars(r.key()) + chars(r.guidelineId()) + chars(r.version()) + chars(r.sectionNumber())
                        + chars(r.ref()) + chars(r.title()) + chars(r.summary()) + chars(r.obligation())
                        + chars(r.category()) + chars(r.party());
                if (r.phases() != null) {
                    for (String p : r.phases()) {
                        bytes += chars(p);
                    }
                }
                if (r.evidence() != null) {
                    for (ApplicableRequirements.Text t : r.evidence()) {
                        bytes += chars(t);
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long chars(ApplicableRequirements.Text text) {
        return text == null ? 0 : 40 + chars(text.ja()) + chars(text.en());
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }

    /**
     * Forgets every kept answer: a revision corrects the requirements of a published version in place, so answers
     * kept for it no longer hold (the other versions' answers are asked again once, which is cheap).
     */
    public void forgetAll() {
        answers.invalidateAll();
    }
}
