package org.sansho.assessment.assessments.rest;

import org.sansho.assessment.findings.rest.FindingView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tabular form of an {@link AssessmentReportResource.Report}: the columns and the rows that the CSV and the XLSX
 * writers both render, so that the two formats always carry the same data. A cell value is a {@link String} or a
 * {@link LocalDate} (a writer that knows dates renders it as one) and never null.
 */
public final class ReportRows {

    /** One column: its header label and how a row's value is read. */
    public record Column<T>(String label, Function<T, Object> value) {
    }

    /** An item row: the item and its finding, if any. */
    public record ItemRow(ItemView item, FindingView finding) {
    }

    public static final List<Column<ItemRow>> ITEM_COLUMNS = List.of(
            new Column<>("key", r -> r.item().key()),
            new Column<>("guideline", r -> r.item().guidelineId()),
            new Column<>("version", r -> r.item().guidelineVersion()),
            new Column<>("section", r -> r.item().sectionNumber()),
            new Column<>("obligation", r -> r.item().obligation()),
            new Column<>("title_ja", r -> r.item().title().ja()),
            new Column<>("title_en", r -> r.item().title().en()),
            new Column<>("response", r -> r.item().response() == null ? null : r.item().response().status()),
            new Column<>("statement", r -> r.item().response() == null ? null : r.item().response().statement()),
            new Column<>("justification", r -> r.item().response() == null ? null : r.item().response().justification()),
            new Column<>("evidence", r -> r.item().response() == null ? null : r.item().response().evidence().stream()
                    .map(e -> e.name() + (e.uri() == null ? "" : " <" + e.uri() + ">"))
                    .collect(Collectors.joining("; "))),
            new Column<>("evaluation", r -> r.item().evaluation() == null ? null : r.item().evaluation().evaluation()),
            new Column<>("comment", r -> r.item().evaluation() == null ? null : r.item().evaluation().comment()),
            new Column<>("finding_status", r -> r.finding() == null ? null : r.finding().status()),
            new Column<>("risk_level", r -> r.finding() == null ? null : r.finding().risk().level()),
            new Column<>("due_date", r -> r.finding() == null ? null : r.finding().dueDate()),
            new Column<>("risk_accepted_until", r -> r.finding() == null || r.finding().riskAcceptance() == null ? null
                    : r.finding().riskAcceptance().expiresOn()));

    /**
     * The findings as the caller sees them: the report hands in views already passed through
     * {@link FindingView#seenBy}, so the approver and justification are empty for the vendor's side.
     */
    public static final List<Column<FindingView>> FINDING_COLUMNS = List.of(
            new Column<>("key", FindingView::requirementKey),
            new Column<>("title", FindingView::title),
            new Column<>("obligation", FindingView::obligation),
            new Column<>("risk_level", f -> f.risk().level()),
            new Column<>("treatment", FindingView::treatment),
            new Column<>("status", FindingView::status),
            new Column<>("due_date", FindingView::dueDate),
            new Column<>("owner", FindingView::owner),
            new Column<>("risk_accepted_until", f -> f.riskAcceptance() == null ? null : f.riskAcceptance().expiresOn()),
            new Column<>("risk_accepted_by", f -> f.riskAcceptance() == null ? null : f.riskAcceptance().approver()),
            new Column<>("risk_acceptance_justification",
                    f -> f.riskAcceptance() == null ? null : f.riskAcceptance().justification()));

    private ReportRows() {
    }

    /** One row per item, in the report's item order, each with its finding. */
    public static List<ItemRow> items(AssessmentReportResource.Report report) {
        Map<UUID, FindingView> findings = report.findings().stream()
                .collect(Collectors.toMap(FindingView::id, Function.identity()));
        return report.items().stream()
                .map(i -> new ItemRow(i, i.findingId() == null ? null : findings.get(i.findingId()))).toList();
    }

    public static <T> List<String> labels(List<Column<T>> columns) {
        return columns.stream().map(Column::label).toList();
    }

    /** The row's values in column order: dates stay dates, everything else becomes text, a missing value "". */
    public static <T> List<Object> values(List<Column<T>> columns, T row) {
        return columns.stream().map(c -> {
            Object v = c.value().apply(row);
            return v == null ? "" : v instanceof LocalDate ? v : v.toString();
        }).toList();
    }
}
