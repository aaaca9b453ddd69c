package org.sansho.contract.disclosures.domain;

import java.util.List;

/**
 * One item of a catalog disclosure template (vendor guideline 表4-1, the JAHIS SDS headings), as a package row.
 *
 * @param key          the row's key in this service's API: template id, a dot, the item's position (1-based)
 * @param templateId   the catalog template
 * @param ref          the item's reference in its source, e.g. {@code 表4-1 1}
 * @param textJa       the item, in Japanese
 * @param textEn       the item, in English
 * @param requirements the requirement keys the item evidences
 * @param fact         the registered fact it asks about, or null
 */
public record TemplateRow(String key, String templateId, String ref, String textJa, String textEn,
                          List<String> requirements, FactKind fact) {

    public static String key(String templateId, int position) {
        return templateId + "." + position;
    }
}
