package org.sansho.contract.contracts;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResponsibilitySplit;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.domain.RoleSharingChecklist;
import org.sansho.contract.contracts.domain.RoleSharingChecklist.Part;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsibilitySplitTest {

    private static final RoleSharingChecklist CHECKLIST = new RoleSharingChecklist("role-sharing-checklist-2024",
            List.of(new RoleSharingChecklist.Item("Part2 A-1", Part.PART_2, List.of("VGL-3.1-1")),
                    new RoleSharingChecklist.Item("Part2 8", Part.PART_2, List.of("VGL-3.1-2")),
                    new RoleSharingChecklist.Item("Part1 ①", Part.PART_1, List.of("MHLW6-MGT-7-U1"))));

    @Test
    void the_part_of_an_item_is_read_from_its_checklist_reference() {
        assertThat(Part.of("Part1 ①")).contains(Part.PART_1);
        assertThat(Part.of("Part2 A-1")).contains(Part.PART_2);
        assertThat(Part.of("表4-1 1")).isEmpty();
        assertThat(Part.of(null)).isEmpty();
    }

    @Test
    void keys_that_are_no_checklist_item_are_named_in_the_order_given() {
        List<Responsibility> entries = List.of(new Responsibility("Part2 A-1", ResponsibleParty.SHARED, null),
                new Responsibility("MHLW6-SYS-14.1", ResponsibleParty.VENDOR, null),
                new Responsibility("Part9 x", ResponsibleParty.HOSPITAL, null));
        assertThat(ResponsibilitySplit.unknownKeys(CHECKLIST, entries)).containsExactly("MHLW6-SYS-14.1", "Part9 x");
    }

    @Test
    void a_key_given_twice_is_a_duplicate() {
        List<Responsibility> entries = List.of(new Responsibility("Part2 8", ResponsibleParty.VENDOR, null),
                new Responsibility("Part2 8", ResponsibleParty.HOSPITAL, null));
        assertThat(ResponsibilitySplit.duplicateKeys(entries)).containsExactly("Part2 8");
    }

    @Test
    void only_part_2_items_without_a_side_keep_the_split_incomplete() {
        List<Responsibility> part1Only = List.of(new Responsibility("Part1 ①", ResponsibleParty.HOSPITAL, null));
        assertThat(ResponsibilitySplit.unassignedPart2(CHECKLIST, part1Only)).containsExactly("Part2 A-1", "Part2 8");
        assertThat(ResponsibilitySplit.State.of(CHECKLIST, part1Only, true).complete()).isFalse();

        List<Responsibility> part2 = List.of(new Responsibility("Part2 A-1", ResponsibleParty.SHARED, "both"),
                new Responsibility("Part2 8", ResponsibleParty.VENDOR, null));
        assertThat(ResponsibilitySplit.unassignedPart2(CHECKLIST, part2)).isEmpty();
        assertThat(ResponsibilitySplit.State.of(CHECKLIST, part2, false).complete()).isTrue();
        assertThat(ResponsibilitySplit.State.of(null, part2, false).set()).isFalse();
    }

    @Test
    void assignments_list_every_checklist_item_with_its_side_and_requirements() {
        List<ResponsibilitySplit.Assignment> assignments = ResponsibilitySplit.assignments(CHECKLIST,
                List.of(new Responsibility("Part2 8", ResponsibleParty.VENDOR, "contract clause 12")));
        assertThat(assignments).extracting(ResponsibilitySplit.Assignment::key)
                .containsExactly("Part2 A-1", "Part2 8", "Part1 ①");
        assertThat(assignments.get(1).party()).isEqualTo(ResponsibleParty.VENDOR);
        assertThat(assignments.get(1).note()).isEqualTo("contract clause 12");
        assertThat(assignments.get(1).requirements()).containsExactly("VGL-3.1-2");
        assertThat(assignments.get(0).party()).isNull();
    }
}
