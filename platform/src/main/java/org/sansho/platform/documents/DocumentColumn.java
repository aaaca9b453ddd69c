package org.sansho.platform.documents;

/**
 * One column of an exported document: a stable key (the English title, as the CSV forms use it) and its title in
 * Japanese and English.
 */
public record DocumentColumn(String key, String ja, String en) {

    /** The title in {@code language}: {@code ja} for Japanese, anything else for English. */
    public String title(String language) {
        return DocumentLanguage.JA.equals(language) ? ja : en;
    }
}
