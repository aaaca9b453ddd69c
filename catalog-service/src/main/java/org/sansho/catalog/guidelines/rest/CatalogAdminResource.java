package org.sansho.catalog.guidelines.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.persistence.MappingEntity;
import org.sansho.catalog.guidelines.service.CatalogEditor;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.security.Roles;

import java.net.URI;


/** Catalog maintenance: guidelines, draft versions and their content, publication. */
@Path("/api/v1/guidelines")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CATALOG_ADMIN)
@Tag(name = "Catalog administration", description = "Writes of the catalog admin; only DRAFT versions can change")
public class CatalogAdminResource {

    private static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final CatalogEditor editor;
    private final CatalogStore store;
    private final IdempotentRequests idempotency;

    public CatalogAdminResource(CatalogEditor editor, CatalogStore store, IdempotentRequests idempotency) {
        this.editor = editor;
        this.store = store;
        this.idempotency = idempotency;
    }

    @POST
    @Transactional
    @Operation(summary = "Create a guideline")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GuidelineView.class)))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createGuideline(@Valid @NotNull NewGuideline request,
                                    @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /api/v1/guidelines", request, () -> {
            editor.createGuideline(request.id(), request.issuer(), request.audience(), request.title().text());
            return Response.created(URI.create("/api/v1/guidelines/" + request.id()))
                    .entity(new GuidelineView(request.id(), request.issuer(), request.audience(),
                            request.title().text(), java.util.List.of())).build();
        });
    }

    @POST
    @Path("/{id}/versions")
    @Transactional
    @Operation(summary = "Create a DRAFT version",
            description = "Supersedes the guideline's current published version unless 'supersedes' says otherwise; "
                    + "with copyFromCurrent the draft starts as a copy of that version.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionSummary.class)))
    @APIResponse(responseCode = "404", description = "No such guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The label is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createDraftVersion(@PathParam("id") String id, @Valid @NotNull NewDraft request,
                                @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /api/v1/guidelines/" + id + "/versions", request, () -> {
            GuidelineVersionEntity draft = editor.createDraft(id, request.version(), request.copyFromCurrent(),
                    request.supersedes(), request.sourceTitle(), request.sourceUrl(),
                    request.notes() == null ? null : request.notes().text());
            return Response.created(URI.create("/api/v1/guidelines/" + id + "/versions/" + draft.label))
                    .entity(VersionSummary.of(store.info(draft))).build();
        });
    }

    @PUT
    @Path("/{id}/versions/{version}/sections/{number}")
    @Transactional
    @Operation(summary = "Add or replace a section of a draft")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "204", description = "Replaced")
    @APIResponse(responseCode = "409", description = "The version is published or superseded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putSection(@PathParam("id") String id, @PathParam("version") String version,
                               @PathParam("number") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}") String number,
                               @Valid @NotNull SectionInput request) {
        boolean added = editor.putSection(id, version, number, request.parent(), request.title().text());
        return added ? Response.created(URI.create("/api/v1/guidelines/" + id + "/versions/" + version)).build()
                : Response.noContent().build();
    }

    @PUT
    @Path("/{id}/versions/{version}/requirements/{key}")
    @Transactional
    @Operation(summary = "Add or replace a requirement of a draft",
            description = "The key is stable: reuse the key of the previous version for the same obligation.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "204", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid (e.g. no citation, a missing language, a key of another guideline)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is published or superseded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putRequirement(@PathParam("id") String id, @PathParam("version") String version,
                                   @PathParam("key") @Pattern(regexp = KEY_PATTERN) @Parameter(example = "MHLW6-SYS-3-9") String key,
                                   @Valid @NotNull RequirementInput request) {
        boolean added = editor.putRequirement(id, version, request.requirement(key));
        return added ? Response.created(URI.create("/api/v1/requirements/" + key + "?version=" + version)).build()
                : Response.noContent().build();
    }

    @POST
    @Path("/{id}/versions/{version}/mappings")
    @Transactional
    @Operation(summary = "Add a mapping in a draft", description = "Visible to readers once the draft is published.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Mapping.class)))
    @APIResponse(responseCode = "409", description = "The version is frozen or the mapping exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addMapping(@PathParam("id") String id, @PathParam("version") String version,
                               @Valid @NotNull MappingInput request,
                               @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST mappings " + id + " " + version, request, () -> {
            MappingEntity m = editor.addMapping(id, version, request.mapping());
            return Response.created(URI.create("/api/v1/requirements/" + m.fromKey))
                    .entity(CatalogStore.toMapping(m)).build();
        });
    }

    @POST
    @Path("/{id}/versions/{version}/publish")
    @Transactional
    @Operation(summary = "Publish a draft",
            description = "Freezes the version, marks the versions it supersedes SUPERSEDED and publishes "
                    + "guideline-version.published.v1 (and superseded.v1 per superseded version) on catalog.events.")
    @APIResponse(responseCode = "200", description = "The published version")
    @APIResponse(responseCode = "409", description = "Already published, superseded, or empty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VersionSummary publishVersion(@PathParam("id") String id, @PathParam("version") String version,
                                                 @Valid @NotNull PublishRequest request) {
        GuidelineVersionEntity v = editor.publish(id, version, request.publishedOn());
        return VersionSummary.of(store.info(v));
    }

}
