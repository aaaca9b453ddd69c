package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an OSCAL import made of a catalog, for the catalog-admin who reviews the draft before publishing it: what was
 * created, every default that filled a field the catalog does not carry (with how often), the parameters resolved,
 * shown or left unresolved in the prose, and every element of the document that was not mapped, with its path.
 * Nothing of the document is dropped without a line here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OscalImportReport", description = "What an OSCAL import created, defaulted and did not map")
public record OscalImportReport(
        @Schema(example = "nist-sp-800-53") String guidelineId,
        @Schema(example = "5.1.1") String version,
        @Schema(description = "Always DRAFT: an import is reviewed by a catalog-admin before it is published",
                example = "DRAFT") String status,
        @Schema(description = "Whether this was a dry run (nothing was written)") boolean dryRun,
        @Schema(description = "Whether the import created (or, in a dry run, would create) the guideline")
        boolean guidelineCreated,
        Source source,
        Counts counts,
        @Schema(description = "The defaults applied, per field, with the number of elements that got them")
        List<DefaultApplied> defaults,
        Params params,
        @Schema(description = "The number of document elements not mapped (the sum of the counts below)")
        int unmappedTotal,
        @Schema(description = "Every element of the document that was not mapped, grouped by kind, with its paths")
        List<Unmapped> unmapped) {

    public OscalImportReport {
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }

    /** The same report for a given guideline and version label, run or dry. */
    public OscalImportReport of(String guideline, String label, boolean dry, boolean created) {
        return new OscalImportReport(guideline, label, status, dry, created, source, counts, defaults, params,
                unmappedTotal, unmapped);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OscalImportSource", description = "The catalog document that was read")
    public record Source(
            @Schema(example = "NIST SP 800-53 Rev 5") String title,
            @Schema(example = "5.1.1") String version,
            @Schema(example = "1.1.2") String oscalVersion,
            @Schema(description = "The publisher named in the metadata (role publisher, creator or prepared-by, or "
                    + "the first party)", example = "Joint Task Force") String publisher,
            @Schema(description = "SANSHO when every group and control carries this catalog's props (one of our "
                    + "exports), FOREIGN when none does, MIXED otherwise") String shape) {
    }

    @Schema(name = "OscalImportCounts")
    public record Counts(
            @Schema(description = "Groups read (nested ones included)") int groups,
            @Schema(description = "Controls read, enhancements (controls inside controls) included") int controls,
            @Schema(description = "Of which enhancements") int enhancements,
            @Schema(description = "Of which marked withdrawn by the catalog") int withdrawn,
            int sectionsCreated,
            int requirementsCreated,
            int mappingsCreated) {
    }

    @Schema(name = "OscalImportDefault", description = "A value the import set because the catalog has none")
    public record DefaultApplied(
            @Schema(example = "summary.ja") String field,
            @Schema(example = "the English text (no Japanese text in the catalog)") String value,
            int count) {
    }

    @Schema(name = "OscalImportParams", description = "The {{ insert: param, … }} placeholders of the prose")
    public record Params(
            @Schema(description = "Placeholders met in mapped prose") int inserted,
            @Schema(description = "Replaced by the parameter's values") int resolved,
            @Schema(description = "Shown as [Assignment: label] or [Selection: choices] (the parameter has no value)")
            int shown,
            @Schema(description = "Naming no parameter of the catalog (left as [Assignment: id])") int unresolved,
            List<ParamUse> unresolvedUses) {
    }

    @Schema(name = "OscalImportParamUse")
    public record ParamUse(@Schema(example = "ac-1_prm_1") String param,
                           @Schema(example = "catalog.groups[ac].controls[ac-1].parts[0]") String path) {
    }

    @Schema(name = "OscalImportUnmapped", description = "Elements of one kind that were not mapped, and why")
    public record Unmapped(
            @Schema(example = "control part assessment-objective") String element,
            @Schema(example = "only statement and guidance parts are mapped") String reason,
            int count,
            List<String> paths) {
    }
}
