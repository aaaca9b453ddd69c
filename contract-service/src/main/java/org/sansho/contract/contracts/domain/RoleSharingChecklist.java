package org.sansho.contract.contracts.domain;

import java.util.List;
import java.util.Optional;

/**
 * The checklist a responsibility split is built from: the catalog's 2024 role-sharing checklist (確認表), as item
 * keys (the checklist's own reference, e.g. {@code Part2 A-1}), the Part each belongs to and the requirement keys
 * each evidences. Kept on the contract as it read when the split was last set, so that the guard and the views
 * judge the split against the checklist it was made from.
 */
public record RoleSharingChecklist(String templateId, List<Item> items) {

    public RoleSharingChecklist {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * Part 1: items the institution mainly carries out, with information from the vendor; Part 2: items both sides
     * carry out together (2024 確認表, structure of the table).
     */
    public enum Part {
        PART_1, PART_2;

        /** The Part a checklist reference names ({@code Part1 …}, {@code Part2 …}); empty for anything else. */
        public static Optional<Part> of(String ref) {
            if (ref == null) {
                return Optional.empty();
            }
            String compact = ref.replace(" ", "");
            if (compact.startsWith("Part1")) {
                return Optional.of(PART_1);
            }
            if (compact.startsWith("Part2")) {
                return Optional.of(PART_2);
            }
            return Optional.empty();
        }
    }

    public record Item(String key, Part part, List<String> requirements) {
        public Item {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }
    }

    public Optional<Item> item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    public List<String> keys(Part part) {
        return items.stream().filter(i -> i.part() == part).map(Item::key).toList();
    }
}
