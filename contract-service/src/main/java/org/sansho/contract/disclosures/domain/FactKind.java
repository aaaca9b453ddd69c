package org.sansho.contract.disclosures.domain;

import java.util.List;

/**
 * A fact that a disclosure row asks about and that the vendor has also registered elsewhere in this service (its
 * service's data locations and subcontractors, its certifications, the contract's SLA). The package shows the
 * registered value beside the vendor's statement, so that the hospital sees where the two disagree (vendor
 * guideline §4.1 表4-1).
 */
public enum FactKind {
    /** Where the data is stored and whether that place is under Japanese law (表4-1 row 1). */
    DATA_LOCATION,
    /** How backups against malware are kept; the contract's SLA holds the number of generations (表4-1 row 3). */
    BACKUP_GENERATIONS,
    /** Who carries out the security work, including the subcontractor chain (表4-1 row 4). */
    SUBCONTRACTORS,
    /** Privacy Mark, ISMS or the alternative the table allows (表4-1 rows 7 and 8; vendor guideline §4.4). */
    CERTIFICATIONS;

    /**
     * The fact a row asks about, read from the requirement keys it evidences; null for a row that asks for
     * nothing registered (a policy, a track record, financial soundness).
     */
    public static FactKind forRequirements(List<String> requirements) {
        if (requirements.contains("VGL-4.1-1")) {
            return DATA_LOCATION;
        }
        if (requirements.contains("VGL-4.1-7") || requirements.contains("VGL-4.1-10")
                || requirements.contains("VGL-4.4-1")) {
            return CERTIFICATIONS;
        }
        if (requirements.contains("VGL-4.1-3")) {
            return BACKUP_GENERATIONS;
        }
        if (requirements.contains("VGL-4.1-4")) {
            return SUBCONTRACTORS;
        }
        return null;
    }
}
