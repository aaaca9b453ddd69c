package org.sansho.assessment.assessments.rest;

import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.rest.FindingView;
import org.sansho.platform.documents.Document;
import org.sansho.platform.documents.DocumentLanguage;
import org.sansho.platform.documents.DocumentTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as a document (XLSX workbook or printable HTML): a summary of the assessment (the contract, its parties
 * by name, baseline, phase, verdict and gap counts), the item rows and the findings, with the columns of
 * {@link ReportRows}. It is built from the report the caller may read, whose findings already passed through
 * {@link FindingView#seenBy}: the vendor's side never gets who accepted a risk and why, in any form.
 */
final class ReportDocument {

    /** The contract as the posture read model knows it; any part may be null when no contract event arrived yet. */
    record ContractFacts(String title, String hospitalJa, String hospitalEn, String vendorJa, String vendorEn) {

        static final ContractFacts UNKNOWN = new ContractFacts(null, null, null, null, null);
    }

    private ReportDocument() {
    }

    static Document of(AssessmentReportResource.Report report, ContractFacts contract, String language) {
        boolean ja = DocumentLanguage.JA.equals(language);
        AssessmentView a = report.assessment();
        String title = (ja ? "アセスメント報告書: " : "Assessment report: ")
                + (contract.title() == null ? a.contractId() : contract.title()) + " (" + a.phase() + ")";
        List<String> factHeaders = ja ? List.of("項目", "内容") : List.of("Field", "Value");
        DocumentTable summary = DocumentTable.facts(ja ? "概要" : "Summary", factHeaders, summary(report, contract, ja));
        DocumentTable items = DocumentTable.of(ja ? "項目" : "Items",
                ReportRows.documentColumns(ReportRows.ITEM_COLUMNS), language,
                ReportRows.items(report).stream().map(r -> ReportRows.values(ReportRows.ITEM_COLUMNS, r)).toList());
        DocumentTable findings = DocumentTable.of(ja ? "指摘事項" : "Findings",
                ReportRows.documentColumns(ReportRows.FINDING_COLUMNS), language,
                report.findings().stream().map(f -> ReportRows.values(ReportRows.FINDING_COLUMNS, f)).toList());
        return new Document(title, language, List.of(summary, items, findings));
    }

    private static List<List<Object>> summary(AssessmentReportResource.Report report, ContractFacts contract,
                                              boolean ja) {
        AssessmentView a = report.assessment();
        AssessmentView.Result result = a.result();
        long acceptedRisks = report.findings().stream().filter(f -> f.status() == FindingStatus.RISK_ACCEPTED).count();
        List<List<Object>> facts = new ArrayList<>();
        facts.add(fact(ja ? "契約" : "Contract", contract.title() == null ? a.contractId().toString()
                : contract.title() + " (" + a.contractId() + ")"));
        facts.add(fact(ja ? "医療機関" : "Hospital", name(contract.hospitalJa(), contract.hospitalEn(), ja, a.hospitalId())));
        facts.add(fact(ja ? "事業者" : "Vendor", name(contract.vendorJa(), contract.vendorEn(), ja, a.vendorId())));
        facts.add(fact(ja ? "ベースライン" : "Baseline", a.baseline().stream()
                .map(v -> v.guidelineId() + " " + v.version()).collect(Collectors.joining(", "))));
        facts.add(fact(ja ? "フェーズ" : "Phase", a.phase()));
        facts.add(fact(ja ? "状態" : "Status", a.status()));
        facts.add(fact(ja ? "判定" : "Verdict", result == null ? null : result.verdict()));
        facts.add(fact(ja ? "スコア（適合した項目の割合, %）" : "Score (share of items found conformant, %)",
                result == null ? null : result.score()));
        facts.add(fact(ja ? "未対応の必須ギャップ" : "Open mandatory gaps", result == null ? null : result.openMandatoryGaps()));
        facts.add(fact(ja ? "計画中の必須ギャップ（期限内の是正計画）" : "Planned mandatory gaps (remedy plan within its due date)",
                result == null ? null : result.plannedMandatoryGaps()));
        facts.add(fact(ja ? "リスク受容した必須ギャップ" : "Accepted mandatory gaps",
                result == null ? null : result.acceptedMandatoryGaps()));
        facts.add(fact(ja ? "未対応の推奨ギャップ" : "Open recommended gaps",
                result == null ? null : result.openRecommendedGaps()));
        facts.add(fact(ja ? "リスク受容（指摘事項）" : "Accepted risks (findings)", acceptedRisks));
        facts.add(fact(ja ? "項目数" : "Items", report.items().size()));
        facts.add(fact(ja ? "完了日時" : "Completed at", result == null || result.completedAt() == null ? null
                : result.completedAt().toString()));
        return facts;
    }

    /** The name in the document's language, the other one when only that was registered, else the id. */
    private static String name(String nameJa, String nameEn, boolean ja, Object id) {
        String first = ja ? nameJa : nameEn;
        String second = ja ? nameEn : nameJa;
        return first != null ? first : second != null ? second : String.valueOf(id);
    }

    private static List<Object> fact(String label, Object value) {
        return Arrays.asList(label, value instanceof Enum<?> e ? e.name() : value);
    }
}
