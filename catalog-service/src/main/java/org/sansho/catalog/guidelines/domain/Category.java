package org.sansho.catalog.guidelines.domain;

/** What a requirement is about (the MHLW v5 ch.6 measure groups, widened by the vendor guideline's topics). */
public enum Category {
    GOVERNANCE, ORGANIZATIONAL, PHYSICAL, TECHNICAL, HUMAN, DISPOSAL, MAINTENANCE, MEDIA_EXPORT, EMERGENCY_BCP,
    EXTERNAL_EXCHANGE, E_SIGNATURE, E_STORAGE, RISK_MANAGEMENT, DISCLOSURE, CERTIFICATION, DATA_RESIDENCY, SUPPLY_CHAIN,
    AGREEMENT, PATIENT_COMMUNICATION
}
