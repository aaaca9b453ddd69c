package org.sansho.contract.imports.rest;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.domain.ImportReport;
import org.sansho.contract.imports.domain.SheetContent;
import org.sansho.contract.imports.service.BulkImportService;
import org.sansho.contract.imports.service.SheetReader;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Bulk import of organizations, vendor services and contracts from CSV or XLSX. */
@Path("/api/v1/imports")
@Tag(name = "Import and export", description = "Organizations, vendor services and contracts in bulk, as CSV or XLSX")
public class ImportResource {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkImportService importer;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ImportResource(BulkImportService importer, IdempotentRequests idempotency, Caller caller) {
        this.importer = importer;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes({CSV, XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    // One import is one transaction: 10,000 rows must not meet the default timeout of 60 s on a busy machine.
    @TransactionConfiguration(timeout = 600)
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Import organizations, vendor services and contracts from CSV or XLSX",
            description = "The body is a CSV file of one kind (Content-Type text/csv, ?kind= names it) or an XLSX "
                    + "workbook with one sheet per kind, named organizations / 組織, services / サービス, contracts / "
                    + "契約 (imported in that order, so a workbook can register a vendor, its service and contracts "
                    + "with it at once). UTF-8 with or without BOM; headers in English or Japanese (see the README "
                    + "for the header table). Rows go through the same rules as the single-record operations and are "
                    + "matched to what exists: organizations by 法人番号, services by vendor 法人番号 and name, "
                    + "contracts by the hospital's external reference (or the contract id of an export), so that "
                    + "importing the same rows again changes nothing and reports them UNCHANGED. A changed name "
                    + "renames the organization; changed terms amend the contract (PATCH rules); a registered "
                    + "service does not change. Contracts are opened for the caller's hospital only. "
                    + "With dryRun=true the answer is 200 with the report (created / updated / unchanged per kind, "
                    + "every problem with sheet, row, column) and nothing is written. A real run is all or nothing: "
                    + "any problem is a 422 import-refused problem with the same report, and nothing is written. "
                    + "Honours Idempotency-Key.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 16_777_216),
                    example = "corporateNumber,kind,nameJa\n7000012050002,VENDOR,株式会社メディクラウド\n"),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The import report (of the run, or of the dry run)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not readable: not UTF-8, not CSV or XLSX, no header row, a "
            + "sheet that names no kind, a CSV without kind, too many rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A real run with problems in its rows (import-refused; the "
            + "report in extensions.report, every problem in errors[]); nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importRecords(
            @QueryParam("kind") @Parameter(description = "What a CSV file holds (ignored for XLSX, whose sheets "
                    + "name their kinds)", schema = @Schema(enumeration = {"organizations", "services", "contracts"}))
            String kind,
            @QueryParam("dryRun") @Pattern(regexp = "true|false", message = "must be true or false")
            @Parameter(description = "Check and report only; nothing is written", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IdempotentRequests.HEADER) String key,
            byte[] body) {
        ImportKind csvKind = kind == null ? null : ImportKind.named(kind).orElseThrow(() ->
                ProblemException.badRequest("kind", "must be organizations, services or contracts"));
        byte[] content = body == null ? new byte[0] : body;
        boolean workbook = MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(XLSX));
        if (!workbook) {
            // The file is read as UTF-8 whatever charset the request declares (clients add one by default); bytes
            // that are not UTF-8 are refused.
            if (csvKind == null) {
                throw ProblemException.badRequest("kind", "required for a CSV file: organizations, services or "
                        + "contracts");
            }
        }
        List<SheetContent> sheets = workbook ? SheetReader.xlsx(content) : List.of(SheetReader.csv(csvKind, content));
        if ("true".equals(dryRun)) {
            return Response.ok(importer.run(sheets, true, caller)).build();
        }
        return idempotency.execute(key, "POST /api/v1/imports " + (workbook ? "xlsx" : csvKind.sheetName())
                + " by " + caller.requireOrganization(), digest(content), () ->
                Response.ok(importer.run(sheets, false, caller)).build());
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
