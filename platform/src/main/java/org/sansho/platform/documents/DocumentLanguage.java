package org.sansho.platform.documents;

import java.util.Locale;

/** The language of an exported document's titles: Japanese or English. */
public final class DocumentLanguage {

    public static final String JA = "ja";
    public static final String EN = "en";

    private DocumentLanguage() {
    }

    /** {@code ?lang=} when given, else Japanese when Accept-Language starts with it, else English. */
    public static String of(String lang, String acceptLanguage) {
        if (lang != null) {
            return lang;
        }
        if (acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith(JA)) {
            return JA;
        }
        return EN;
    }
}
