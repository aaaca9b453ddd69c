package org.sansho.catalog.oscal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.persistence.MappingEntity;
import org.sansho.catalog.guidelines.persistence.RequirementEntity;
import org.sansho.catalog.guidelines.service.CatalogEditor;
import org.sansho.catalog.oscal.domain.OscalCatalogImport;
import org.sansho.catalog.oscal.domain.OscalCatalogSchema;
import org.sansho.catalog.oscal.domain.OscalImportReport;
import org.sansho.catalog.oscal.persistence.OscalImportEntity;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports an OSCAL catalog as a DRAFT version: the document must pass the official OSCAL 1.1 catalog schema, its
 * content the catalog's rules ({@link CatalogEditor#problemsOf}); then the draft, its guideline when it does not exist
 * yet (a foreign catalog's, issuer OTHER), the mappings of our own exports and the import report are written in the
 * caller's transaction. A dry run does every check and writes nothing.
 */
@ApplicationScoped
public class OscalImporter {

    /** How many problems a refusal names (the document may have thousands). */
    public static final int PROBLEMS_NAMED = 20;
    public static final Pattern GUIDELINE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    public static final Pattern VERSION_LABEL = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");

    private final CatalogEditor editor;
    private final ObjectMapper mapper;
    private final Clock clock;

    public OscalImporter(CatalogEditor editor, ObjectMapper mapper, Clock clock) {
        this.editor = editor;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OscalImportReport importCatalog(JsonNode document, String guidelineId, String version,
                                           OscalCatalogImport.Defaults defaults, boolean dryRun) {
        List<String> invalid = OscalCatalogSchema.official().problems(document);
        if (!invalid.isEmpty()) {
            throw new ProblemException(new Problem(URI.create(ProblemException.TYPE_BASE + "invalid-oscal-catalog"),
                    "Not a valid OSCAL 1.1 catalog", 400, invalid.size() + " violation(s) of the OSCAL 1.1 catalog "
                    + "schema; the first: " + String.join("; ", invalid.subList(0, Math.min(3, invalid.size()))),
                    null, invalid.stream().limit(PROBLEMS_NAMED).map(p -> new Problem.FieldError("body", p)).toList(),
                    List.of(), Map.of()));
        }
        OscalCatalogImport.Imported imported = OscalCatalogImport.read(document, defaults);
        String guideline = guidelineId != null ? guidelineId : imported.guidelineId();
        String label = version != null ? version : imported.version();
        List<String> problems = new ArrayList<>(imported.problems());
        if (guideline == null) {
            problems.add("guidelineId: the catalog names no guideline of this service (it is not one of our "
                    + "exports); give ?guidelineId=");
        } else if (!GUIDELINE_ID.matcher(guideline).matches()) {
            problems.add("guidelineId: '" + cut(guideline) + "' is not a guideline id ([a-z0-9][a-z0-9-]{0,99})");
        }
        if (label == null || !VERSION_LABEL.matcher(label).matches()) {
            problems.add("version: metadata.version '" + cut(label) + "' is not a version label "
                    + "([0-9A-Za-z][0-9A-Za-z.-]{0,19}); give ?version=");
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        boolean foreign = !"SANSHO".equals(imported.report().source().shape());
        boolean create = GuidelineEntity.findById(guideline) == null;
        if (create && !foreign) {
            throw ProblemException.notFound("Guideline", guideline);
        }
        if (GuidelineVersionEntity.find(guideline, label).isPresent()) {
            throw ProblemException.conflict("version-exists", "Version exists",
                    "Guideline " + guideline + " already has a version " + label);
        }
        List<String> contentProblems = editor.problemsOf(guideline, imported.sections(), imported.requirements());
        Set<String> importedKeys = imported.requirements().stream().map(Requirement::key).collect(Collectors.toSet());
        for (Mapping m : imported.mappings()) {
            for (String k : List.of(m.from(), m.to())) {
                if (!importedKeys.contains(k) && RequirementEntity.count("key", k) == 0) {
                    contentProblems.add("mapping " + m.from() + " → " + m.to() + ": names no requirement " + k);
                }
            }
        }
        if (!contentProblems.isEmpty()) {
            throw refused(contentProblems);
        }
        OscalImportReport report = imported.report().of(guideline, label, dryRun, create);
        if (dryRun) {
            return report;
        }

        if (create) {
            editor.createGuideline(guideline, Issuer.OTHER, Audience.BOTH, imported.guidelineTitle());
        }
        String publisher = Optional.ofNullable(report.source().publisher()).orElse("another publisher");
        LocalizedText notes = foreign ? new LocalizedText(
                publisher + " の OSCAL カタログ「" + imported.sourceTitle() + "」(" + imported.version()
                        + ") から取り込んだ下書き。日本語の文は英語のまま。公開前に catalog-admin が確認する。",
                "Imported from " + publisher + "'s OSCAL catalog \"" + imported.sourceTitle() + "\" ("
                        + imported.version() + "); the Japanese texts are the English ones. A catalog-admin reviews "
                        + "the draft before publishing it.") : null;
        GuidelineVersionEntity draft = editor.createDraft(guideline, label, false, null,
                foreign ? cut500(imported.sourceTitle()) : null, null, notes);
        editor.copyContent(imported.sections(), imported.requirements(), draft);
        for (Mapping m : imported.mappings()) {
            if (MappingEntity.count("fromKey = ?1 and toKey = ?2 and relation = ?3", m.from(), m.to(),
                    m.relation()) == 0) {
                MappingEntity e = CatalogStore.apply(new MappingEntity(), m);
                e.definedIn = draft.id;
                e.persist();
            }
        }
        OscalImportEntity stored = new OscalImportEntity();
        stored.versionId = draft.id;
        stored.importedAt = clock.instant();
        try {
            stored.report = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the import report is not serializable", e);
        }
        stored.persist();
        return report;
    }

    /** The report of the import that created a version, if an import did. */
    public Optional<OscalImportReport> report(String guidelineId, String version) {
        return GuidelineVersionEntity.find(guidelineId, version)
                .flatMap(v -> OscalImportEntity.<OscalImportEntity>findByIdOptional(v.id))
                .map(e -> {
                    try {
                        return mapper.readValue(e.report, OscalImportReport.class);
                    } catch (JsonProcessingException ex) {
                        throw new IllegalStateException("oscal_import.report is not an import report", ex);
                    }
                });
    }

    private static ProblemException refused(List<String> problems) {
        return ProblemException.badRequest("The OSCAL catalog cannot be imported (" + problems.size()
                        + " problem(s)): " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                        + (problems.size() > 5 ? "; …" : ""),
                problems.stream().limit(PROBLEMS_NAMED * 2L).map(p -> new Problem.FieldError("body", p)).toList());
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 50 ? s.substring(0, 50) + "…" : s;
    }

    private static String cut500(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
