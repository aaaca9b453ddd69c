package org.sansho.assessment.posture.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the contracts overview may be sorted: {@code sort=<key>} ascending, {@code sort=-<key>} descending. Every
 * order ends with the contract id, so that paging through a list that does not change shows each contract once.
 * Empty values (no verdict yet, no deadline) come last either way.
 */
public enum OverviewSort {
    TITLE("title", "p.title"),
    PHASE("phase", "p.phase"),
    STATE("state", "p.state"),
    VERDICT("verdict", "p.verdict"),
    OPEN_MANDATORY_GAPS("openMandatoryGaps", "p.open_mandatory_gaps"),
    OVERDUE_FINDINGS("overdueFindings", "p.overdue_findings"),
    NEXT_DEADLINE("nextDeadline", "next_deadline"),
    REAGREEMENT_PENDING("reagreementPending", "p.reagreement_pending"),
    STATE_CHANGED_AT("stateChangedAt", "p.state_changed_at");

    /** A parsed {@code sort} value. */
    public record Order(OverviewSort key, boolean descending) {

        /** The SQL order clause of this order, its ties broken by the contract id. */
        public String sql() {
            return key.column + (descending ? " desc" : " asc") + " nulls last, p.contract_id";
        }
    }

    private final String name;
    private final String column;

    OverviewSort(String name, String column) {
        this.name = name;
        this.column = column;
    }

    public String key() {
        return name;
    }

    /** The order a {@code sort} value asks for; empty when it names no key. Blank means the default order. */
    public static Optional<Order> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new Order(STATE_CHANGED_AT, true));
        }
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst()
                .map(s -> new Order(s, descending));
    }

    /** The accepted keys, for an error message. */
    public static String keys() {
        return Arrays.stream(values()).map(s -> s.name).collect(Collectors.joining(", "));
    }
}
