package org.sansho.contract.contracts.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of a contract's responsibility split (責任分界): each item of the role-sharing checklist (2024 確認表,
 * Part 1 and Part 2) is given to the hospital, the vendor or both, with a note. MHLW 6.0 システム運用編 3 asks the
 * institution to settle with the vendor who is responsible for what, in normal times and in an emergency, and
 * 企画管理編 7 to write it into the contract; 2省GL §3.2.1 asks both sides to reach a shared understanding before
 * the explicit agreement, which is why the vendor acknowledges the split and a change withdraws that acknowledgement.
 */
public final class ResponsibilitySplit {

    public static final String RULE = "MHLW 6.0 システム運用編 3 / 企画管理編 7 責任分界; 2省GL §3.2.1 共通理解 (shared "
            + "understanding before the explicit agreement); 2024 役割分担確認表 Part 2";

    private ResponsibilitySplit() {
    }

    /** Keys that appear more than once in the entries, in order of their second appearance. */
    public static List<String> duplicateKeys(List<Responsibility> entries) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Responsibility r : entries) {
            if (!seen.add(r.key()) && !duplicates.contains(r.key())) {
                duplicates.add(r.key());
            }
        }
        return duplicates;
    }

    /** Keys of the entries that are no item of the checklist, in the order given. */
    public static List<String> unknownKeys(RoleSharingChecklist checklist, List<Responsibility> entries) {
        return entries.stream().map(Responsibility::key).filter(k -> checklist.item(k).isEmpty()).distinct().toList();
    }

    /** Part 2 items of the checklist that the entries leave without a party, in checklist order. */
    public static List<String> unassignedPart2(RoleSharingChecklist checklist, List<Responsibility> entries) {
        Set<String> assigned = entries.stream().filter(r -> r.party() != null).map(Responsibility::key)
                .collect(Collectors.toSet());
        return checklist.keys(RoleSharingChecklist.Part.PART_2).stream().filter(k -> !assigned.contains(k)).toList();
    }

    /** Every checklist item in checklist order, with the entry that assigns it (party and note null when none). */
    public static List<Assignment> assignments(RoleSharingChecklist checklist, List<Responsibility> entries) {
        Map<String, Responsibility> byKey = entries.stream()
                .collect(Collectors.toMap(Responsibility::key, Function.identity(), (a, b) -> a));
        return checklist.items().stream().map(item -> {
            Responsibility r = byKey.get(item.key());
            return new Assignment(item.key(), item.part(), r == null ? null : r.party(), r == null ? null : r.note(),
                    item.requirements());
        }).toList();
    }

    /**
     * What the AGREED guard reads: whether a split was set from a checklist, the Part 2 items it leaves unassigned,
     * and whether the vendor acknowledged it as it stands.
     */
    public record State(boolean set, List<String> unassignedPart2, boolean acknowledged) {
        public State {
            unassignedPart2 = unassignedPart2 == null ? List.of() : List.copyOf(unassignedPart2);
        }

        public static State of(RoleSharingChecklist checklist, List<Responsibility> entries, boolean acknowledged) {
            if (checklist == null) {
                return new State(false, List.of(), acknowledged);
            }
            return new State(true, ResponsibilitySplit.unassignedPart2(checklist, entries == null ? List.of() : entries), acknowledged);
        }

        public boolean complete() {
            return set && unassignedPart2.isEmpty();
        }
    }

    /** One checklist item and who carries it. */
    public record Assignment(String key, RoleSharingChecklist.Part part, ResponsibleParty party, String note,
                             List<String> requirements) {
    }
}
