package org.sansho.catalog.guidelines.domain;

/**
 * The six phases in which the vendor guideline arranges its requirements (2省GL §3.2, 図3-4): before the contract,
 * development and operation in normal time, crisis response, termination and after it. Not the contract-service's
 * ContractPhase, which groups a contract's states into three (before, during, after the contract); the
 * assessment-service maps its three assessment phases onto these six (AssessmentPhase).
 */
public enum GuidelinePhase {
    PRE_CONTRACT, DEVELOPMENT, OPERATION, CRISIS_RESPONSE, TERMINATION, POST_TERMINATION
}
