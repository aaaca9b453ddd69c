package org.sansho.catalog.guidelines.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.catalog.rest.FrozenResponses;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

@Path("/api/v1/requirements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Guidelines")
public class RequirementResource {

    private final CatalogReader reader;

    public RequirementResource(CatalogReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Get a requirement by its stable key",
            description = "From the newest published (or superseded) version of the guideline that holds the key, "
                    + "or from the version named in 'version'; with the mappings that touch the key.")
    @APIResponse(responseCode = "200", description = "The requirement and its mappings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequirementDetail.class)))
    @APIResponse(responseCode = "404", description = "No such key (in that version)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getRequirement(@PathParam("key") @Parameter(example = "MHLW6-SYS-3-1") String key,
                        @QueryParam("version") @Parameter(description = "A version label of the key's guideline",
                                example = "6.0") String version,
                        @Context Request request) {
        VersionContent v;
        if (version == null || version.isBlank()) {
            v = reader.currentHolding(key).orElseThrow(() -> ProblemException.notFound("Requirement", key));
        } else {
            String guideline = reader.guidelineOf(key).orElseThrow(() -> ProblemException.notFound("Requirement", key));
            v = reader.version(guideline, version);
        }
        Requirement r = v.requirement(key).orElseThrow(() ->
                ProblemException.notFound("Requirement", key + " in version " + version));
        return FrozenResponses.ok(request, v, key, () ->
                new RequirementDetail(RequirementView.of(v.info().ref(), r), v.mappings(key)));
    }
}
