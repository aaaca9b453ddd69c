package org.sansho.contract.catalog;

import java.util.List;

/**
 * Whether a guideline version holds requirements, worked out from the catalog's events: a publication lists the keys
 * it added and removed against its predecessor of the same guideline, a revision those of its correction. When the
 * predecessor's count is known the new count is exact; otherwise what the lists show is all there is to go on.
 *
 * @param requirementCount the number of requirements, or null when it cannot be told from the events
 * @param hasContent       whether the version holds at least one requirement
 */
public record PublishedVersionContent(Integer requirementCount, boolean hasContent) {

    /** Content of a version that follows one whose content is {@code before} (null: no predecessor of its guideline). */
    public static PublishedVersionContent after(PublishedVersionContent before, boolean hasPredecessor,
                                                List<String> added, List<String> removed, List<String> changed) {
        if (!hasPredecessor) {
            return new PublishedVersionContent(added.size(), !added.isEmpty());
        }
        if (before != null && before.requirementCount() != null) {
            int count = Math.max(0, before.requirementCount() + added.size() - removed.size());
            return new PublishedVersionContent(count, count > 0);
        }
        boolean some = !added.isEmpty() || !changed.isEmpty()
                || (before != null && before.hasContent() && removed.isEmpty());
        return new PublishedVersionContent(null, some);
    }
}
