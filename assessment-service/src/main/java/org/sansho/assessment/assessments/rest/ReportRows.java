package org.sansho.assessment.assessments.rest;

import org.sansho.assessment.findings.rest.FindingView;
import org.sansho.platform.documents.DocumentColumn;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tabular form of an {@link AssessmentReportResource.Report}: the columns and the rows that the CSV, the XLSX and
 * the printable HTML forms all render, so that the formats always carry the same data. A cell value is a {@link String} or a
 * {@link LocalDate} (a writer that knows dates renders it as one) and never null.
 */
public final class ReportRows {

    /** One column: its header label (the English title, also the CSV header), its Japanese title, its value. */
    public record Column<T>(String label, String ja, Function<T, Object> value) {

        public DocumentColumn document() {
            return new DocumentColumn(label, ja, label);
        }
    }

    /** An item row: the item and its finding, if any. */
    public record ItemRow(ItemView item, FindingView finding) {
    }

    public static final List<Column<ItemRow>> ITEM_COLUMNS = List.of(
            new Column<>("key", "キー", r -> r.item().key()),
            new Column<>("guideline", "ガイドライン", r -> r.item().guidelineId()),
            new Column<>("version", "版", r -> r.item().guidelineVersion()),
            new Column<>("section", "章・節", r -> r.item().sectionNumber()),
            new Column<>("obligation", "区分", r -> r.item().obligation()),
            new Column<>("title_ja", "表題（日本語）", r -> r.item().title().ja()),
            new Column<>("title_en", "表題（英語）", r -> r.item().title().en()),
            new Column<>("answered_by", "回答する側（責任分界）", r -> r.item().answeredBy()),
            new Column<>("response", "事業者の回答", r -> r.item().response() == null ? null : r.item().response().status()),
            new Column<>("statement", "事業者の説明", r -> r.item().response() == null ? null : r.item().response().statement()),
            new Column<>("justification", "事業者の理由",
                    r -> r.item().response() == null ? null : r.item().response().justification()),
            new Column<>("evidence", "事業者の証跡", r -> evidence(r.item().response())),
            new Column<>("hospital_response", "医療機関の回答",
                    r -> r.item().hospitalResponse() == null ? null : r.item().hospitalResponse().status()),
            new Column<>("hospital_statement", "医療機関の説明",
                    r -> r.item().hospitalResponse() == null ? null : r.item().hospitalResponse().statement()),
            new Column<>("hospital_evidence", "医療機関の証跡", r -> evidence(r.item().hospitalResponse())),
            new Column<>("evaluation", "評価", r -> r.item().evaluation() == null ? null : r.item().evaluation().evaluation()),
            new Column<>("comment", "評価コメント", r -> r.item().evaluation() == null ? null : r.item().evaluation().comment()),
            new Column<>("finding_status", "指摘事項の状態", r -> r.finding() == null ? null : r.finding().status()),
            new Column<>("risk_level", "リスクレベル", r -> r.finding() == null ? null : r.finding().risk().level()),
            new Column<>("due_date", "対応期限", r -> r.finding() == null ? null : r.finding().dueDate()),
            new Column<>("risk_accepted_until", "リスク受容の期限", r -> r.finding() == null
                    || r.finding().riskAcceptance() == null ? null : r.finding().riskAcceptance().expiresOn()));

    /**
     * The findings as the caller sees them: the report hands in views already passed through
     * {@link FindingView#seenBy}, so the approver and justification are empty for the vendor's side.
     */
    public static final List<Column<FindingView>> FINDING_COLUMNS = List.of(
            new Column<>("key", "キー", FindingView::requirementKey),
            new Column<>("title", "表題", FindingView::title),
            new Column<>("obligation", "区分", FindingView::obligation),
            new Column<>("risk_level", "リスクレベル", f -> f.risk().level()),
            new Column<>("treatment", "リスク対応", FindingView::treatment),
            new Column<>("status", "状態", FindingView::status),
            new Column<>("due_date", "対応期限", FindingView::dueDate),
            new Column<>("owner", "担当", FindingView::owner),
            new Column<>("risk_accepted_until", "リスク受容の期限",
                    f -> f.riskAcceptance() == null ? null : f.riskAcceptance().expiresOn()),
            new Column<>("risk_accepted_by", "リスク受容の承認者",
                    f -> f.riskAcceptance() == null ? null : f.riskAcceptance().approver()),
            new Column<>("risk_acceptance_justification", "リスク受容の理由",
                    f -> f.riskAcceptance() == null ? null : f.riskAcceptance().justification()));

    private static String evidence(ItemView.Response response) {
        return response == null ? null : response.evidence().stream()
                .map(e -> e.name() + (e.uri() == null ? "" : " <" + e.uri() + ">"))
                .collect(Collectors.joining("; "));
    }

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

    public static <T> List<DocumentColumn> documentColumns(List<Column<T>> columns) {
        return columns.stream().map(Column::document).toList();
    }

    /** The row's values in column order: dates stay dates, everything else becomes text, a missing value "". */
    public static <T> List<Object> values(List<Column<T>> columns, T row) {
        return columns.stream().map(c -> {
            Object v = c.value().apply(row);
            return v == null ? "" : v instanceof LocalDate ? v : v.toString();
        }).toList();
    }
}
