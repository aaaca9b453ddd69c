package org.sansho.catalog.oscal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.persistence.MappingEntity;
import org.sansho.catalog.guidelines.persistence.RequirementEntity;
import org.sansho.catalog.guidelines.service.CatalogEditor;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.catalog.oscal.domain.OscalCatalog;
import org.sansho.catalog.rest.FrozenResponses;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A guideline version as an OSCAL 1.1 catalog. */
@Path("/api/v1/guidelines/{id}/versions/{version}/oscal")
@Tag(name = "OSCAL", description = "Guideline versions as OSCAL 1.1 catalogs")
public class OscalExportResource {

    private final CatalogReader reader;
    private final Clock clock;

    public OscalExportResource(CatalogReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Export a version as an OSCAL 1.1 catalog",
            description = "Groups are sections, controls are requirements; phase, party, obligation, category, "
                    + "service model, data category, threats and verification are props in the namespace "
                    + OscalCatalog.NS + "; the summaries (en, ja) are statement parts; citations and mappings are "
                    + "back-matter resources the controls link to.")
    @APIResponse(responseCode = "200", description = "The OSCAL catalog document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "An OSCAL 1.1 catalog document (JSON)")))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportOscalCatalog(@PathParam("id") @Parameter(example = "mhlw-medical-information-security") String id,
                           @PathParam("version") @Parameter(example = "6.0") String version,
                           @Context Request request) {
        VersionContent v = reader.version(id, version);
        LocalizedText title = QuarkusTransaction.joiningExisting().call(() -> {
            GuidelineEntity g = GuidelineEntity.findById(id);
            return new LocalizedText(g.titleJa, g.titleEn);
        });
        return FrozenResponses.ok(request, v, "oscal", () -> OscalCatalog.export(v, title, OffsetDateTime.now(clock)));
    }
}
