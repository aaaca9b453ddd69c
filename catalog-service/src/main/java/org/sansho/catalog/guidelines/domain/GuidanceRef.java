package org.sansho.catalog.guidelines.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Official guidance that explains how a requirement is met, e.g. the MHLW 6.0 Q&A entry that answers a 遵守事項
 * ({@code 企Q-26}): its id, the document it is in, the page, and an optional note of ours (a paraphrase).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuidanceRef(String ref, String document, Integer page, String url, LocalizedText note) {

    public boolean complete() {
        return ref != null && !ref.isBlank() && document != null && !document.isBlank();
    }
}
