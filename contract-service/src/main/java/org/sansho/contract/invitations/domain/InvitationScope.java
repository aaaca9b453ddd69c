package org.sansho.contract.invitations.domain;

import java.util.List;

/**
 * What a respondent invitation lets the invited vendor contact do, on the invitation's contract only. The names are
 * the operations of the scoped token ({@code org.sansho.platform.security.ScopedOperation}).
 */
public enum InvitationScope {

    /** Read the contract's disclosure package and answer its rows (2省GL §3.2.1; vendor guideline §4.1 表4-1). */
    DISCLOSURE(List.of(Operations.DISCLOSURE_READ, Operations.DISCLOSURE_ANSWER)),

    /**
     * Read the contract's assessments and their items, and answer the items the responsibility split gives to the
     * vendor (the vendor's self-declaration, 2省GL §3.2.1; its evidence, vendor guideline §4.1 表4-1), in the
     * assessment-service. Submitting the assessment for review stays with the vendor organization's own accounts.
     */
    ASSESSMENT(List.of(Operations.ASSESSMENT_READ, Operations.ASSESSMENT_ANSWER));

    private final List<String> operations;

    InvitationScope(List<String> operations) {
        this.operations = operations;
    }

    public List<String> operations() {
        return operations;
    }

    /** The operation names a scoped token may carry. */
    public static final class Operations {
        public static final String DISCLOSURE_READ = "disclosure.read";
        public static final String DISCLOSURE_ANSWER = "disclosure.answer";
        /** The assessment-service's reads of the contract's assessments and items. */
        public static final String ASSESSMENT_READ = "assessment.read";
        /** The assessment-service's answers to items (and confirmations of carried-over answers). */
        public static final String ASSESSMENT_ANSWER = "assessment.answer";

        private Operations() {
        }
    }
}
