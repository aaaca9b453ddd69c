package org.sansho.contract.reagreements.domain;

import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ResponsibleParty;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * Maintaining the agreement (合意の維持, 2省GL §3.2.2): when the guideline a contract is built on changes, or the
 * agreed terms are amended, the hospital and the vendor confirm their agreement again. The renewal is a record both
 * sides sign; it is closed only when both have consented, and it is expected within a set period of its opening.
 */
public final class ReagreementRule {

    /** The amended parts that change what both sides agreed on, and so reopen the agreement. */
    public static final List<String> AGREED_TERMS = List.of("baseline", "sla", "responsibilities");

    /** States in which an agreement exists that an amendment would change (from the explicit agreement on). */
    private static final Set<ContractState> AGREED = Set.of(ContractState.AGREED, ContractState.ACTIVE,
            ContractState.UNDER_REVIEW, ContractState.INCIDENT, ContractState.TERMINATION_NOTICED,
            ContractState.DATA_RETURN, ContractState.DATA_DELETION);

    /** What a consent did. */
    public enum ConsentOutcome {
        /** The side's consent is recorded; the other side's is still missing. */
        RECORDED,
        /** The side's consent is recorded and, with the other's, closes the case. */
        CLOSES,
        /** The side had already consented: nothing changes. */
        ALREADY_GIVEN,
        /** The case is closed: nothing changes. */
        CASE_CLOSED
    }

    private ReagreementRule() {
    }

    /** The amended parts that call for re-agreement of a contract in {@code state}; empty when none does. */
    public static List<String> reopening(ContractState state, List<String> changed) {
        if (!AGREED.contains(state)) {
            return List.of();
        }
        return AGREED_TERMS.stream().filter(changed::contains).toList();
    }

    /** The date by which both sides are expected to have consented. */
    public static LocalDate dueOn(LocalDate openedOn, Period within) {
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("the re-agreement period must be positive: " + within);
        }
        return openedOn.plus(within);
    }

    /** An open case is overdue from the day after its due date. */
    public static boolean overdue(boolean open, LocalDate dueOn, LocalDate today) {
        return open && today.isAfter(dueOn);
    }

    /** What a consent by {@code side} does to a case whose consents are as given. */
    public static ConsentOutcome consent(boolean closed, boolean hospitalConsented, boolean vendorConsented,
                                         ResponsibleParty side) {
        if (closed) {
            return ConsentOutcome.CASE_CLOSED;
        }
        boolean mine = side == ResponsibleParty.HOSPITAL ? hospitalConsented : vendorConsented;
        boolean theirs = side == ResponsibleParty.HOSPITAL ? vendorConsented : hospitalConsented;
        if (mine) {
            return ConsentOutcome.ALREADY_GIVEN;
        }
        return theirs ? ConsentOutcome.CLOSES : ConsentOutcome.RECORDED;
    }
}
