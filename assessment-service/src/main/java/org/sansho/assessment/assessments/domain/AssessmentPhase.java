package org.sansho.assessment.assessments.domain;

import java.util.List;

/**
 * The contract phase an assessment covers. The unified vendor guideline's lifecycle (2省GL §3.2, 図3-4) has the
 * catalog phases PRE_CONTRACT, DEVELOPMENT, OPERATION, CRISIS_RESPONSE, TERMINATION and POST_TERMINATION; an
 * assessment groups them the way the contract moves: before signing, during the contract (each re-review), and
 * at its end.
 */
public enum AssessmentPhase {
    PRE_CONTRACT(List.of("PRE_CONTRACT")),
    IN_CONTRACT(List.of("DEVELOPMENT", "OPERATION", "CRISIS_RESPONSE")),
    POST_TERMINATION(List.of("TERMINATION", "POST_TERMINATION"));

    private final List<String> catalogPhases;

    AssessmentPhase(List<String> catalogPhases) {
        this.catalogPhases = catalogPhases;
    }

    /** The catalog phases whose requirements this assessment covers. */
    public List<String> catalogPhases() {
        return catalogPhases;
    }

    /**
     * The assessment a contract state opens, if any: the disclosure request opens the pre-contract assessment
     * (agreement formation, 2省GL §3.2.1), a review the in-contract re-assessment (合意の維持, §3.2.2), and the
     * termination notice the post-termination one (return and deletion, §2.7 of our domain brief).
     */
    public static java.util.Optional<AssessmentPhase> openedBy(String contractState) {
        if (contractState == null) {
            return java.util.Optional.empty();
        }
        return switch (contractState) {
            case "DISCLOSURE_REQUESTED" -> java.util.Optional.of(PRE_CONTRACT);
            case "UNDER_REVIEW" -> java.util.Optional.of(IN_CONTRACT);
            case "TERMINATION_NOTICED" -> java.util.Optional.of(POST_TERMINATION);
            default -> java.util.Optional.empty();
        };
    }

    /** Only one pre-contract and one post-termination assessment per contract; in-contract reviews recur. */
    public boolean oncePerContract() {
        return this != IN_CONTRACT;
    }
}
