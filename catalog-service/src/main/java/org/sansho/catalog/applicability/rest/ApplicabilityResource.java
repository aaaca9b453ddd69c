package org.sansho.catalog.applicability.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.catalog.applicability.domain.ApplicabilityQuery;
import org.sansho.catalog.applicability.service.ChecklistCache;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.rest.RequirementView;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.platform.documents.Document;
import org.sansho.platform.documents.DocumentLanguage;
import org.sansho.platform.documents.Spreadsheets;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Path("/api/v1/applicability")
@Tag(name = "Applicability", description = "Checklists of the requirements a contract owes")
public class ApplicabilityResource {

    private static final String EXAMPLE = """
            {"baseline":[{"guidelineId":"meti-mic-medical-service-provider","version":"1.1"}],
             "phases":["PRE_CONTRACT"],"parties":["VENDOR","SHARED"],"serviceModel":"SAAS",
             "dataCategories":["OTHER_PERSONAL_HEALTH_INFO"]}""";

    @Schema(name = "ApplicabilityRequest", description = "The baseline and the contract's situation; every filter "
            + "but the baseline is optional")
    public record ApplicabilityRequest(
            @NotEmpty @Size(max = 20) List<@NotNull @Valid VersionRef> baseline,
            @Size(max = 6) Set<@NotNull GuidelinePhase> phases,
            @Size(max = 4) Set<@NotNull Party> parties,
            ServiceModel serviceModel,
            @Size(max = 3) Set<@NotNull DataCategory> dataCategories) {
    }

    @Schema(name = "ApplicabilityResult", description = "The applicable requirements, baseline order then document order")
    public record ApplicabilityResult(List<VersionRef> baseline, List<RequirementView> requirements, int total) {
    }

    private final CatalogReader reader;
    private final ChecklistCache cache;
    private final ObjectMapper json;
    private final Template printable;

    public ApplicabilityResource(CatalogReader reader, ChecklistCache cache, ObjectMapper json,
                                 @Location(Document.TEMPLATE) Template printable) {
        this.reader = reader;
        this.cache = cache;
        this.json = json;
        this.printable = printable;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Build an applicability checklist",
            description = "The ACTIVE requirements of the baseline versions that apply to the given phases, parties, "
                    + "service model and data categories. A requirement with no service models or data categories "
                    + "applies to all. Ask with Accept: text/csv for the same list as CSV (what procurement sends "
                    + "to a vendor before signing), with Accept: " + Document.XLSX + " for an XLSX workbook to "
                    + "fill in (sheet Checklist: key, guideline, part/chapter, title and summary in Japanese and "
                    + "English, mandatory/recommended, citation document, section and page, verification level and "
                    + "an empty answer column; bold header row frozen at the top with a filter), or with Accept: "
                    + "text/html for the same table as a self-contained printable page. The column titles of the "
                    + "XLSX and HTML forms are Japanese or English: ?lang=, else Accept-Language, else English. A "
                    + "client that sends Accept-Encoding: gzip gets the JSON checklist gzip-encoded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicabilityRequest.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "saas-pre-contract",
                    value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The checklist", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicabilityResult.class)),
            @Content(mediaType = ChecklistCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Document.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Document.HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A missing baseline, an unknown value (the field is named) or an "
            + "unknown lang",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A baseline version that is not published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response applicableRequirements(@Valid @NotNull ApplicabilityRequest request,
                              @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
                              @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en")
                              @Parameter(description = "Language of the XLSX and HTML column titles",
                                      schema = @Schema(enumeration = {"ja", "en"})) String lang,
                              @Context HttpHeaders headers) {
        // This method also receives what no form matches (its body is written ahead, so the writer never checks).
        if (headers.getAcceptableMediaTypes().stream().noneMatch(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
        // Published versions never change: the same request gives the same checklist until the next publication,
        // so its serialized form is kept (a 5,000-requirement checklist is a few MB of JSON to write each time),
        // and so is its gzip form for the clients that take it (a tenth of the bytes to send).
        long generation = reader.generation();
        byte[] body = cache.get(request, generation, () -> json(result(request)));
        if (!AcceptEncoding.gzip(acceptEncoding)) {
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY,
                    HttpHeaders.ACCEPT_ENCODING).build();
        }
        byte[] compressed = cache.get(new Gzipped(request), generation, () -> AcceptEncoding.compress(body));
        return Response.ok(compressed, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    private byte[] json(ApplicabilityResult result) {
        try {
            return json.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache key of a checklist's gzip form. */
    private record Gzipped(ApplicabilityRequest request) {
    }

    private ApplicabilityResult result(ApplicabilityRequest request) {
        List<VersionContent> baseline = baseline(request);
        List<RequirementView> requirements = new ApplicabilityQuery(request.phases(), request.parties(),
                request.serviceModel(), request.dataCategories()).over(baseline).stream()
                .map(a -> RequirementView.of(a.version(), a.requirement())).toList();
        return new ApplicabilityResult(baseline.stream().map(v -> v.info().ref()).toList(), requirements,
                requirements.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(ChecklistCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response applicableRequirementsCsv(@Valid @NotNull ApplicabilityRequest request) {
        ApplicabilityResult result = result(request);
        return Response.ok(ChecklistCsv.write(result.requirements()), ChecklistCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"applicability-checklist.csv\"")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Document.XLSX)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response applicableRequirementsXlsx(@Valid @NotNull ApplicabilityRequest request,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ApplicabilityResult result = result(request);
        byte[] workbook = Spreadsheets.xlsx(ChecklistDocument.of(result, DocumentLanguage.of(lang, acceptLanguage)));
        return Response.ok(workbook, Document.XLSX).header("Content-Disposition",
                "attachment; filename=\"" + ChecklistDocument.fileName(result.baseline(), "xlsx") + "\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(Document.HTML)
    @RolesAllowed({Roles.CATALOG_ADMIN, Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response applicableRequirementsHtml(@Valid @NotNull ApplicabilityRequest request,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Document document = ChecklistDocument.of(result(request), DocumentLanguage.of(lang, acceptLanguage));
        return Response.ok(printable.data("document", document).render(), Document.HTML + "; charset=UTF-8").build();
    }

    /** Only published (or superseded) versions form a baseline: a draft can still change under a contract. */
    private List<VersionContent> baseline(ApplicabilityRequest request) {
        Set<VersionRef> distinct = new LinkedHashSet<>(request.baseline());
        return distinct.stream().map(ref -> {
            VersionContent v = reader.find(ref.guidelineId(), ref.version())
                    .filter(c -> c.info().status().frozen())
                    .orElseThrow(() -> ProblemException.notFound("Published guideline version", ref));
            return v;
        }).toList();
    }
}
