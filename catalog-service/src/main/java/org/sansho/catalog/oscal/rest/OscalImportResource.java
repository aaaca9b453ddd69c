package org.sansho.catalog.oscal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guideline.domain.Mapping;
import org.sansho.catalog.guideline.domain.Requirement;
import org.sansho.catalog.guideline.persistence.CatalogStore;
import org.sansho.catalog.guideline.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guideline.persistence.MappingEntity;
import org.sansho.catalog.guideline.persistence.RequirementEntity;
import org.sansho.catalog.guideline.rest.GuidelineViews;
import org.sansho.catalog.guideline.service.CatalogEditor;
import org.sansho.catalog.oscal.domain.OscalCatalog;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Path("/api/v1/imports/oscal")
/** Creates a DRAFT version from an OSCAL 1.1 catalog. */
@Tag(name = "OSCAL")
public class OscalImportResource {

    private final CatalogEditor editor;
    private final CatalogStore store;
    private final IdempotentRequests idempotency;

    public OscalImportResource(CatalogEditor editor, CatalogStore store,
                         IdempotentRequests idempotency) {
        this.editor = editor;
        this.store = store;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(summary = "Import an OSCAL catalog as a DRAFT version",
            description = "Reads a catalog exported by this service (or written in the same props). The guideline "
                    + "comes from the guideline-id prop unless given; the version label from metadata.version unless "
                    + "given. Mappings not yet in the catalog are added to the draft.")
    @APIResponse(responseCode = "201", description = "The draft")
    @APIResponse(responseCode = "400", description = "The document is not a readable catalog, or its content is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version label is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCatalog(
            @QueryParam("guidelineId") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String guidelineId,
            @QueryParam("version") @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}") @Parameter(example = "6.1")
            String version,
            @NotNull ObjectNode document,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        OscalCatalog.Imported imported = OscalCatalog.read(document);
        String guideline = guidelineId != null ? guidelineId : imported.guidelineId();
        String label = version != null ? version : imported.version();
        List<String> problems = new ArrayList<>(imported.problems());
        if (guideline == null) {
            problems.add("guidelineId: neither given nor in the catalog's guideline-id prop");
        }
        if (label == null || !label.matches("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}")) {
            problems.add("version: neither given nor a valid metadata.version");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return idempotency.execute(key, "POST /api/v1/imports/oscal " + guideline + " " + label, document, () -> {
            List<String> contentProblems = editor.problemsOf(guideline, imported.sections(), imported.requirements());
            Set<String> importedKeys = imported.requirements().stream().map(Requirement::key)
                    .collect(Collectors.toSet());
            for (Mapping m : imported.mappings()) {
                for (String k : List.of(m.from(), m.to())) {
                    if (!importedKeys.contains(k) && RequirementEntity.count("key", k) == 0) {
                        contentProblems.add("mapping " + m.from() + " → " + m.to() + ": names no requirement " + k);
                    }
                }
            }
            if (!contentProblems.isEmpty()) {
                throw invalid(contentProblems);
            }
            GuidelineVersionEntity draft = editor.createDraft(guideline, label, false, null, null, null, null);
            editor.copyContent(imported.sections(), imported.requirements(), draft);
            for (Mapping m : imported.mappings()) {
                if (MappingEntity.count("fromKey = ?1 and toKey = ?2 and relation = ?3", m.from(), m.to(),
                        m.relation()) == 0) {
                    MappingEntity e = CatalogStore.apply(new MappingEntity(), m);
                    e.definedIn = draft.id;
                    e.persist();
                }
            }
            return Response.created(URI.create("/api/v1/guidelines/" + guideline + "/versions/" + label))
                    .entity(GuidelineViews.VersionSummary.of(store.info(draft))).build();
        });
    }

    private static ProblemException invalid(List<String> problems) {
        return ProblemException.badRequest("The OSCAL catalog cannot be imported: " + String.join("; ",
                        problems.subList(0, Math.min(5, problems.size()))) + (problems.size() > 5 ? "; …" : ""),
                problems.stream().limit(50).map(p -> new Problem.FieldError("body", p)).toList());
    }
}
