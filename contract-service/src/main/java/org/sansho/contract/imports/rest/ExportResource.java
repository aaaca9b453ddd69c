package org.sansho.contract.imports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.service.ExportService;
import org.sansho.contract.imports.service.SheetWriter;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Exports what the caller may read, in the columns the import takes back. */
@Path("/api/v1/exports")
@Tag(name = "Import and export")
public class ExportResource {

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Produces(ImportResource.XLSX)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "Export organizations, vendor services and contracts as an XLSX workbook",
            description = "One sheet per kind with the import's columns (a file exported by a hospital imports back "
                    + "unchanged), bold header row frozen at the top with a filter, every value as text. Column "
                    + "titles and sheet names in Japanese or English: ?lang=, else Accept-Language, else English. "
                    + "Only what the caller may read: the organizations it sees, their services, the contracts it "
                    + "is a party to (the hospital's external reference is shown to the hospital only).")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = ImportResource.XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "An unknown lang",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportWorkbook(
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en")
            @Parameter(description = "Language of the column titles", schema = @Schema(enumeration = {"ja", "en"}))
            String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        Map<ImportKind, List<List<String>>> sheets = new LinkedHashMap<>();
        for (ImportKind kind : ImportKind.values()) {
            sheets.put(kind, exports.rows(kind, caller));
        }
        return Response.ok(SheetWriter.xlsx(sheets, language))
                .header("Content-Disposition", "attachment; filename=\"sansho-export.xlsx\"").build();
    }

    @GET
    @Path("/{kind}")
    @Produces(ImportResource.CSV)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "Export one kind as CSV",
            description = "UTF-8 with BOM, the import's columns (a file exported by a hospital imports back "
                    + "unchanged with ?kind= the same kind). Titles in Japanese or English as for the workbook. "
                    + "Only what the caller may read.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = ImportResource.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An unknown lang",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportCsv(
            @PathParam("kind") @Parameter(description = "What to export",
                    schema = @Schema(enumeration = {"organizations", "services", "contracts"})) String kind,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en")
            @Parameter(description = "Language of the column titles", schema = @Schema(enumeration = {"ja", "en"}))
            String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ImportKind what = ImportKind.named(kind).orElseThrow(() -> ProblemException.notFound("Export", kind));
        String language = language(lang, acceptLanguage);
        return Response.ok(SheetWriter.csv(what, language, exports.rows(what, caller)))
                .type(ImportResource.CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + what.sheetName() + ".csv\"").build();
    }

    /** ?lang= when given, else the first language of Accept-Language when it is Japanese, else English. */
    static String language(String lang, String acceptLanguage) {
        if (lang != null) {
            return lang;
        }
        if (acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("ja")) {
            return "ja";
        }
        return "en";
    }
}
