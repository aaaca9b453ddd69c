package org.sansho.catalog.guidelines.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text in Japanese and English; the catalog always carries both. */
@Schema(description = "Text in Japanese and English", example = "{\"ja\":\"責任分界\",\"en\":\"Demarcation of responsibility\"}")
public record LocalizedText(String ja, String en) {

    public boolean complete() {
        return ja != null && !ja.isBlank() && en != null && !en.isBlank();
    }
}
