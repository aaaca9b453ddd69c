package org.sansho.catalog.guidelines.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions, by stable key: keys only in the newer version are added, keys only in the
 * older one removed, and keys in both whose substance differs ({@link Requirement#differsInSubstanceFrom}) changed.
 * A requirement that became WITHDRAWN or MOVED is a change, not a removal, because requirements are never deleted.
 */
public record RequirementDiff(List<String> addedKeys, List<String> removedKeys, List<String> changedKeys) {

    public static RequirementDiff between(Collection<Requirement> older, Collection<Requirement> newer) {
        Map<String, Requirement> before = older.stream().collect(Collectors.toMap(Requirement::key, Function.identity()));
        Map<String, Requirement> after = newer.stream().collect(Collectors.toMap(Requirement::key, Function.identity()));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Requirement r : newer) {
            Requirement previous = before.get(r.key());
            if (previous == null) {
                added.add(r.key());
            } else if (r.differsInSubstanceFrom(previous)) {
                changed.add(r.key());
            }
        }
        List<String> removed = older.stream().map(Requirement::key).filter(k -> !after.containsKey(k)).toList();
        return new RequirementDiff(added.stream().sorted().toList(), removed.stream().sorted().toList(),
                changed.stream().sorted().toList());
    }
}
