package org.sansho.contract.contracts.domain;

import java.time.LocalDate;

/**
 * What the transition guards look at, gathered before a transition.
 *
 * @param preContract                  latest completed pre-contract assessment, or null
 * @param postTermination              latest completed post-termination assessment, or null
 * @param signedOn                     the date the contract was signed, or null
 * @param incidentsWithoutAgreedMeasure incidents whose recurrence-prevention measure is not agreed by both sides
 * @param terminationNoticed           notice of termination was given
 * @param dataReturnConfirmed          the hospital confirmed it received its data back
 * @param deletionCertificate          the deletion/destruction certificate, or null
 * @param today                        the business date
 * @param overdueReagreements          re-agreement cases still open after their due date
 * @param inContract                   latest in-contract assessment completed since the current review began, or null
 * @param disclosureSharedUnderstanding every row of the disclosure package is accepted by the hospital (共通理解)
 * @param responsibilitySplit          the responsibility split as the AGREED guard sees it, or null when unknown
 */
public record GuardFacts(
        AssessmentOutcome preContract,
        AssessmentOutcome postTermination,
        LocalDate signedOn,
        int incidentsWithoutAgreedMeasure,
        boolean terminationNoticed,
        boolean dataReturnConfirmed,
        DeletionCertificate deletionCertificate,
        LocalDate today,
        int overdueReagreements,
        AssessmentOutcome inContract,
        boolean disclosureSharedUnderstanding,
        ResponsibilitySplit.State responsibilitySplit) {
}
