package org.sansho.contract.imports.domain;

/**
 * One column of an import or export sheet: the English header (also the key the rows are read by), the Japanese
 * header, whether an imported row must fill it, and whether it is only exported (shown for reading, ignored when
 * imported).
 */
public record ImportColumn(String key, String japanese, boolean required, boolean exportOnly) {

    static ImportColumn required(String key, String japanese) {
        return new ImportColumn(key, japanese, true, false);
    }

    static ImportColumn optional(String key, String japanese) {
        return new ImportColumn(key, japanese, false, false);
    }

    static ImportColumn exported(String key, String japanese) {
        return new ImportColumn(key, japanese, false, true);
    }

    /** The header in the given language ({@code ja} or anything else for English). */
    public String title(String language) {
        return "ja".equals(language) ? japanese : key;
    }
}
