package org.sansho.catalog.guidelines.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.MappingRelation;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.RequirementDiff;
import org.sansho.catalog.guidelines.domain.RequirementFilter;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineEntity;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.catalog.rest.FrozenResponses;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Roles;

import java.util.Comparator;
import java.util.List;
import java.util.Set;


@Path("/api/v1/guidelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Guidelines", description = "Guidelines, their versions, sections and requirements")
public class GuidelineResource {

    private final CatalogReader reader;
    private final CatalogStore store;

    public GuidelineResource(CatalogReader reader, CatalogStore store) {
        this.reader = reader;
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List guidelines", description = "Every guideline with its versions and their lineage.")
    @APIResponse(responseCode = "200", description = "A page of guidelines")
    public Page<GuidelineView> listGuidelines(@Valid @BeanParam PageParams page) {
        List<GuidelineView> all = QuarkusTransaction.joiningExisting().call(() ->
                GuidelineEntity.<GuidelineEntity>list("order by id").stream().map(this::view).toList());
        return Page.slice(all, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Get a guideline", description = "A guideline with its versions and their lineage.")
    @APIResponse(responseCode = "200", description = "The guideline")
    @APIResponse(responseCode = "404", description = "No such guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GuidelineView getGuideline(@PathParam("id") @Parameter(example = "mhlw-medical-information-security") String id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            GuidelineEntity g = GuidelineEntity.findById(id);
            if (g == null) {
                throw ProblemException.notFound("Guideline", id);
            }
            return view(g);
        });
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List a guideline's versions", description = "Oldest first, with status and supersedes links.")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "404", description = "No such guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<VersionSummary> listVersions(@PathParam("id") String id, @Valid @BeanParam PageParams page) {
        return Page.slice(getGuideline(id).versions(), page);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Get a guideline version",
            description = "The version with its sections. Published versions carry an ETag and Cache-Control; "
                    + "If-None-Match with the current ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getVersion(@PathParam("id") @Parameter(example = "mhlw-medical-information-security") String id,
                            @PathParam("version") @Parameter(example = "6.0") String version,
                            @Context Request request) {
        VersionContent v = reader.version(id, version);
        return FrozenResponses.ok(request, v, null, () -> {
            VerificationCoverage coverage = VerificationCoverage.of(v.requirements());
            return new VersionView(VersionSummary.of(v.info()), v.sections(), coverage.total(), coverage.verified(),
                    coverage);
        });
    }

    @GET
    @Path("/{id}/versions/{version}/requirements")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Search a version's requirements",
            description = "Filters combine with AND; a repeated or comma-separated filter matches any of its values. "
                    + "A requirement without service models applies to every service model. q searches key, "
                    + "reference, titles and summaries in Japanese and English.")
    @APIResponse(responseCode = "200", description = "A page of requirements in document order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequirementPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response listRequirements(
            @PathParam("id") @Parameter(example = "meti-mic-medical-service-provider") String id,
            @PathParam("version") @Parameter(example = "1.1") String version,
            @QueryParam("phase") @Parameter(description = "Contract phase(s), repeated or comma-separated (e.g. PRE_CONTRACT)") List<String> phase,
            @QueryParam("party") @Parameter(description = "Responsible party(ies), repeated or comma-separated (e.g. VENDOR)") List<String> party,
            @QueryParam("category") @Parameter(description = "Category(ies), repeated or comma-separated (e.g. AGREEMENT)") List<String> category,
            @QueryParam("obligation") @Parameter(description = "Obligation level(s), repeated or comma-separated (e.g. MANDATORY)") List<String> obligation,
            @QueryParam("serviceModel") @Parameter(description = "Service model", example = "SAAS") String serviceModel,
            @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Text in Japanese or English", example = "バックアップ") String q,
            @Valid @BeanParam PageParams page,
            @Context Request request, @Context UriInfo uri) {
        RequirementFilter filter = new RequirementFilter(
                QueryValues.all("phase", phase, GuidelinePhase.class),
                QueryValues.all("party", party, Party.class),
                QueryValues.all("category", category, Category.class),
                QueryValues.all("obligation", obligation, Obligation.class),
                QueryValues.one("serviceModel", serviceModel, ServiceModel.class), Set.of(), q, false);
        VersionContent v = reader.version(id, version);
        return FrozenResponses.ok(request, v, uri.getRequestUri().getRawQuery(), () -> Page.slice(
                v.select(filter).stream().map(r -> RequirementView.of(v.info().ref(), r)).toList(), page));
    }

    @GET
    @Path("/{id}/versions/{version}/diff")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Compare two versions of a guideline",
            description = "Requirement keys added, removed and changed (title, summary, obligation, category, "
                    + "phases, party, service models, data categories, threats, evidence or status differ) "
                    + "from the version given in 'against' to this one.")
    @APIResponse(responseCode = "200", description = "The differences by stable key")
    @APIResponse(responseCode = "400", description = "'against' is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DiffView diffVersions(@PathParam("id") @Parameter(example = "mhlw-medical-information-security") String id,
                         @PathParam("version") @Parameter(example = "6.0") String version,
                         @QueryParam("against") @Parameter(description = "The older version", example = "5.2")
                         String against) {
        if (against == null || against.isBlank()) {
            throw ProblemException.badRequest("against", "must name the version to compare with");
        }
        VersionContent newer = reader.version(id, version);
        VersionContent older = reader.version(id, against);
        RequirementDiff diff = RequirementDiff.between(older.requirements(), newer.requirements());
        return new DiffView(newer.info().ref(), older.info().ref(), diff.addedKeys(), diff.removedKeys(),
                diff.changedKeys());
    }

    @GET
    @Path("/{id}/versions/{version}/mappings")
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List the mappings that touch a version's requirements",
            description = "Every visible mapping whose 'from' or 'to' key is a requirement of this version: those "
                    + "recorded in published versions and, for a draft, those added in it. A successor's "
                    + "SUPERSEDED_BY and EQUIVALENT mappings from the keys it replaced are how a re-baselined "
                    + "assessment carries answers across a key change. 'relation' keeps only the relations named "
                    + "(repeated or comma-separated). Published versions carry an ETag; If-None-Match with it "
                    + "answers 304.")
    @APIResponse(responseCode = "200", description = "The mappings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionMappings.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "An unknown relation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response listVersionMappings(
            @PathParam("id") @Parameter(example = "mhlw-medical-information-security") String id,
            @PathParam("version") @Parameter(example = "6.0") String version,
            @QueryParam("relation") @Parameter(description = "Relation(s), repeated or comma-separated (e.g. SUPERSEDED_BY,EQUIVALENT)")
            List<String> relation,
            @Context Request request, @Context UriInfo uri) {
        Set<MappingRelation> relations = QueryValues.all("relation", relation, MappingRelation.class);
        VersionContent v = reader.version(id, version);
        return FrozenResponses.ok(request, v, "mappings " + uri.getRequestUri().getRawQuery(), () ->
                new VersionMappings(v.info().ref(), v.mappings().stream()
                        .filter(m -> relations.isEmpty() || relations.contains(m.relation())).toList()));
    }

    private GuidelineView view(GuidelineEntity g) {
        List<VersionSummary> versions = GuidelineVersionEntity.<GuidelineVersionEntity>list("guidelineId", g.id)
                .stream()
                .sorted(Comparator.comparing((GuidelineVersionEntity v) -> v.publishedOn,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(v -> v.id))
                .map(v -> VersionSummary.of(store.info(v))).toList();
        return new GuidelineView(g.id, g.issuer, g.audience,
                new org.sansho.catalog.guidelines.domain.LocalizedText(g.titleJa, g.titleEn), versions);
    }
}
