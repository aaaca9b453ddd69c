package org.sansho.catalog.applicability.rest;

import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.rest.RequirementView;
import org.sansho.platform.documents.Document;
import org.sansho.platform.documents.DocumentColumn;
import org.sansho.platform.documents.DocumentLanguage;
import org.sansho.platform.documents.DocumentTable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checklist as a document to fill in (XLSX or printable HTML): one row per applicable requirement with where it
 * comes from, what it asks, how binding it is and how far the catalog checked it, and an empty answer column.
 */
final class ChecklistDocument {

    static final List<DocumentColumn> COLUMNS = List.of(
            new DocumentColumn("key", "キー", "key"),
            new DocumentColumn("guideline", "ガイドライン", "guideline"),
            new DocumentColumn("section", "章・節", "part / chapter"),
            new DocumentColumn("title_ja", "表題（日本語）", "title (Japanese)"),
            new DocumentColumn("title_en", "表題（英語）", "title (English)"),
            new DocumentColumn("summary_ja", "要旨（日本語）", "summary (Japanese)"),
            new DocumentColumn("summary_en", "要旨（英語）", "summary (English)"),
            new DocumentColumn("obligation", "区分", "mandatory / recommended"),
            new DocumentColumn("citation_document", "出典文書", "citation: document"),
            new DocumentColumn("citation_section", "出典箇所", "citation: section"),
            new DocumentColumn("citation_page", "出典頁", "citation: page"),
            new DocumentColumn("verification", "原文確認", "verification level"),
            new DocumentColumn("answer", "回答", "answer"));

    private ChecklistDocument() {
    }

    static Document of(ApplicabilityResource.ApplicabilityResult result, String language) {
        boolean ja = DocumentLanguage.JA.equals(language);
        List<List<Object>> rows = new ArrayList<>(result.requirements().size());
        for (RequirementView r : result.requirements()) {
            Citation c = r.citation();
            rows.add(java.util.Arrays.asList(r.key(), r.guidelineId() + " " + r.version(), section(r),
                    r.title().ja(), r.title().en(), r.summary().ja(), r.summary().en(),
                    obligation(r.obligation(), ja),
                    c == null ? null : c.document() + (c.version() == null ? "" : " " + c.version()),
                    c == null ? null : c.section(), c == null ? null : c.page(),
                    r.verification().name(), null));
        }
        String baseline = result.baseline().stream().map(v -> v.guidelineId() + " " + v.version())
                .collect(Collectors.joining(", "));
        String title = (ja ? "適用要求事項チェックリスト: " : "Applicability checklist: ") + baseline;
        String sheet = ja ? "チェックリスト" : "Checklist";
        return new Document(title, language, List.of(DocumentTable.of(sheet, COLUMNS, language, rows)));
    }

    private static String section(RequirementView r) {
        String number = r.sectionNumber() == null ? "" : r.sectionNumber();
        return r.ref() == null ? number : number.isEmpty() ? r.ref() : number + " (" + r.ref() + ")";
    }

    private static String obligation(Obligation o, boolean ja) {
        return switch (o) {
            case MANDATORY -> ja ? "必須" : "mandatory";
            case RECOMMENDED -> ja ? "推奨" : "recommended";
            case INFORMATIVE -> ja ? "参考" : "informative";
        };
    }

    /** The file name of a download, from the baseline (letters, digits, '.', '-' only). */
    static String fileName(List<VersionRef> baseline, String extension) {
        String name = baseline.stream().map(v -> v.guidelineId() + "-" + v.version())
                .collect(Collectors.joining("_")).replaceAll("[^A-Za-z0-9._-]", "-");
        return "checklist-" + (name.length() > 100 ? name.substring(0, 100) : name) + "." + extension;
    }
}
