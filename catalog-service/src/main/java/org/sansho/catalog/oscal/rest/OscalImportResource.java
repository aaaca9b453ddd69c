package org.sansho.catalog.oscal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.oscal.domain.OscalCatalogImport;
import org.sansho.catalog.oscal.domain.OscalImportReport;
import org.sansho.catalog.oscal.service.OscalImporter;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.util.List;

/** Creates a DRAFT version from an OSCAL 1.1 catalog, ours or another publisher's, and reports what it made of it. */
@Path("/api/v1/imports/oscal")
@Tag(name = "OSCAL")
public class OscalImportResource {

    private final OscalImporter importer;
    private final IdempotentRequests idempotency;

    public OscalImportResource(OscalImporter importer, IdempotentRequests idempotency) {
        this.importer = importer;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(summary = "Import an OSCAL 1.1 catalog as a DRAFT version",
            description = "Reads any catalog valid against the official OSCAL 1.1 catalog schema. One exported by "
                    + "this service comes back exactly (its guideline from the guideline-id prop). Another "
                    + "publisher's: groups become sections (id, title, nesting), controls and their enhancements "
                    + "requirements (id, label, title, statement prose with parameters resolved or shown as "
                    + "[Assignment: …] / [Selection: …]); the Japanese texts are the English ones, category, party "
                    + "and phases take the defaults given here, obligation is MANDATORY unless the catalog marks a "
                    + "control recommended or informative, the citation names the catalog and the control, and the "
                    + "verification is UNVERIFIED. The guideline (?guidelineId=, required for such a catalog) is "
                    + "created when it does not exist (issuer OTHER). The version label is metadata.version unless "
                    + "?version= is given. The answer is the import report: what was created, every default applied "
                    + "with its count, the parameters, and every element not mapped with its path; it stays "
                    + "retrievable. With dryRun=true nothing is written and the answer is 200 with the report.")
    @APIResponse(responseCode = "201", description = "The draft was created; the import report",
            content = @Content(schema = @Schema(implementation = OscalImportReport.class)))
    @APIResponse(responseCode = "200", description = "Dry run: the report of what the import would do",
            content = @Content(schema = @Schema(implementation = OscalImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not a valid OSCAL 1.1 catalog (the first schema violations "
            + "named), or its content breaks the catalog's rules, or a default is not a known value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The guideline named by one of our exports does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version label is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importOscalCatalog(
            @QueryParam("guidelineId") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}")
            @Parameter(description = "The guideline (created when it does not exist)", example = "nist-sp-800-53")
            String guidelineId,
            @QueryParam("version") @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}")
            @Parameter(description = "The version label, instead of metadata.version", example = "5.1.1")
            String version,
            @QueryParam("category") @Parameter(description = "Category of a foreign catalog's requirements "
                    + "(default GOVERNANCE)", example = "TECHNICAL") String category,
            @QueryParam("party") @Parameter(description = "Party of a foreign catalog's requirements (default "
                    + "SHARED)", example = "VENDOR") String party,
            @QueryParam("phase") @Parameter(description = "Phase(s) of a foreign catalog's requirements (default "
                    + "OPERATION), repeated or comma-separated") List<String> phase,
            @QueryParam("dryRun") @Pattern(regexp = "true|false", message = "must be true or false")
            @Parameter(description = "Check and report only; nothing is written", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @NotNull ObjectNode document,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        OscalCatalogImport.Defaults defaults = new OscalCatalogImport.Defaults(
                QueryValues.one("category", category, Category.class), QueryValues.one("party", party, Party.class),
                List.copyOf(QueryValues.all("phase", phase, GuidelinePhase.class)));
        if ("true".equals(dryRun)) {
            return Response.ok(importer.importCatalog(document, guidelineId, version, defaults, true)).build();
        }
        return idempotency.execute(key, "POST /api/v1/imports/oscal " + guidelineId + " " + version + " " + category
                + " " + party + " " + phase, document, () -> {
            OscalImportReport report = importer.importCatalog(document, guidelineId, version, defaults, false);
            return Response.created(URI.create("/api/v1/guidelines/" + report.guidelineId() + "/versions/"
                    + report.version())).entity(report).build();
        });
    }

    @GET
    @Path("/{id}/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "The report of the OSCAL import that created a version",
            description = "What the import created, the defaults it applied, the parameters and every element of "
                    + "the document it did not map, as answered when the draft was created.")
    @APIResponse(responseCode = "200", description = "The import report",
            content = @Content(schema = @Schema(implementation = OscalImportReport.class)))
    @APIResponse(responseCode = "404", description = "No such version, or it was not created by an OSCAL import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OscalImportReport getOscalImportReport(
            @PathParam("id") @Parameter(example = "nist-sp-800-53") String id,
            @PathParam("version") @Parameter(example = "5.1.1") String version) {
        return importer.report(id, version)
                .orElseThrow(() -> ProblemException.notFound("OSCAL import of", id + " " + version));
    }
}
