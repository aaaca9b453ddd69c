package org.sansho.catalog.applicability.rest;

import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.rest.RequirementView;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The checklist as RFC 4180 CSV, one requirement per row, with a byte-order mark so that spreadsheet programs
 * used in Japanese procurement offices read the UTF-8 Japanese text correctly. List cells are joined with '|'.
 */
public final class ChecklistCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("guidelineId", "version", "key", "sectionNumber", "ref", "obligation",
            "category", "phases", "party", "serviceModels", "dataCategories", "title_ja", "title_en", "summary_ja",
            "summary_en", "evidence_ja", "evidence_en", "citation", "verified", "verification", "unverifiedReason", "status");

    private ChecklistCsv() {
    }

    public static String write(List<RequirementView> requirements) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, HEADER);
        for (RequirementView r : requirements) {
            row(csv, List.of(r.guidelineId(), r.version(), r.key(), nullable(r.sectionNumber()), nullable(r.ref()),
                    r.obligation().name(), r.category().name(), join(r.phases()), r.party().name(),
                    join(r.serviceModels()), join(r.dataCategories()), r.title().ja(), r.title().en(),
                    r.summary().ja(), r.summary().en(),
                    r.evidence().stream().map(LocalizedText::ja).collect(Collectors.joining("|")),
                    r.evidence().stream().map(LocalizedText::en).collect(Collectors.joining("|")),
                    citation(r), Boolean.toString(r.verified()), r.verification().name(), nullable(r.unverifiedReason()),
                    r.status().name()));
        }
        return csv.toString();
    }

    private static String citation(RequirementView r) {
        var c = r.citation();
        return c.document() + " " + c.version() + " §" + c.section() + (c.page() == null ? "" : " p." + c.page());
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining("|"));
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
