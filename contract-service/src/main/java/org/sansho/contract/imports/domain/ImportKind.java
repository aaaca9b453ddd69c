package org.sansho.contract.imports.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sheet holds, with its header table: English and Japanese headers are both accepted. An XLSX workbook names
 * the kind of each sheet by the sheet's name ({@code organizations} / {@code 組織}, …); a CSV file is one kind, named
 * by the request. A workbook is imported in this order, so that the services of a vendor registered on the first
 * sheet and the contracts with them can follow on the next ones.
 */
public enum ImportKind {
    ORGANIZATIONS("organizations", "組織", List.of(
            ImportColumn.required("corporateNumber", "法人番号"),
            ImportColumn.required("kind", "種別"),
            ImportColumn.required("nameJa", "名称"),
            ImportColumn.optional("nameEn", "英語名称"),
            ImportColumn.optional("id", "組織ID"))),
    SERVICES("services", "サービス", List.of(
            ImportColumn.required("vendorCorporateNumber", "事業者法人番号"),
            ImportColumn.required("name", "サービス名"),
            ImportColumn.required("serviceModel", "サービス形態"),
            ImportColumn.required("dataLocations", "データ保存場所"),
            ImportColumn.exported("id", "サービスID"))),
    CONTRACTS("contracts", "契約", List.of(
            ImportColumn.optional("externalReference", "外部参照番号"),
            ImportColumn.required("vendorCorporateNumber", "事業者法人番号"),
            ImportColumn.required("serviceName", "サービス名"),
            ImportColumn.required("title", "契約名"),
            ImportColumn.required("baseline", "ベースライン"),
            ImportColumn.required("dataCategories", "情報の区分"),
            ImportColumn.required("startDate", "開始日"),
            ImportColumn.required("endDate", "終了日"),
            ImportColumn.required("autoRenewal", "自動更新"),
            ImportColumn.required("hospitalNoticeDays", "医療機関の解約予告日数"),
            ImportColumn.required("vendorNoticeDays", "事業者の解約予告日数"),
            ImportColumn.optional("renewalMonths", "更新期間月数"),
            ImportColumn.optional("availabilityPercent", "稼働率"),
            ImportColumn.optional("rtoHours", "目標復旧時間"),
            ImportColumn.optional("rpoHours", "目標復旧時点"),
            ImportColumn.optional("incidentNotificationHours", "障害通知時間"),
            ImportColumn.optional("plannedOutageNoticeDays", "計画停止予告日数"),
            ImportColumn.optional("supportHours", "サポート時間"),
            ImportColumn.optional("backupGenerations", "バックアップ世代数"),
            ImportColumn.optional("offlineBackupCopy", "オフラインバックアップ"),
            ImportColumn.optional("dataRegion", "データリージョン"),
            ImportColumn.optional("id", "契約ID"),
            ImportColumn.exported("state", "状態")));

    private final String sheetName;
    private final String japaneseName;
    private final List<ImportColumn> columns;

    ImportKind(String sheetName, String japaneseName, List<ImportColumn> columns) {
        this.sheetName = sheetName;
        this.japaneseName = japaneseName;
        this.columns = columns;
    }

    public String sheetName() {
        return sheetName;
    }

    /** The sheet's name in an exported workbook. */
    public String sheetName(String language) {
        return "ja".equals(language) ? japaneseName : sheetName;
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    /** The kind a sheet or request names, in English (any case) or Japanese. */
    public static Optional<ImportKind> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = normalize(name);
        for (ImportKind k : values()) {
            if (k.sheetName.equalsIgnoreCase(n) || k.japaneseName.equals(n) || k.name().equalsIgnoreCase(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The column a header names, in English (any case, spaces and underscores ignored) or Japanese. */
    public Optional<ImportColumn> column(String header) {
        String h = normalize(header);
        String loose = h.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.key().toLowerCase(Locale.ROOT).equals(loose)
                || normalize(c.japanese()).equals(h)).findFirst();
    }

    /** NFKC (full-width letters and digits to their ASCII forms), without a byte order mark and outer blanks. */
    static String normalize(String text) {
        String t = text.replace("\uFEFF", "");
        return Normalizer.normalize(t, Normalizer.Form.NFKC).strip();
    }
}
