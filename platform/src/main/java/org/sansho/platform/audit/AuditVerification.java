package org.sansho.platform.audit;

import java.util.UUID;

/**
 * The outcome of checking a service's audit chain.
 *
 * @param verified       true when every record links to its predecessor and matches its hash
 * @param checked        how many records were found intact before the first broken one (all of them if none)
 * @param firstBrokenSeq the seq of the first broken record, or null
 * @param firstBrokenId  the id of the first broken record, or null
 * @param reason         why that record breaks the chain, or null
 */
public record AuditVerification(boolean verified, long checked, Long firstBrokenSeq, UUID firstBrokenId,
                                String reason) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null, null);
    }

    public static AuditVerification broken(long checked, long seq, UUID id, String reason) {
        return new AuditVerification(false, checked, seq, id, reason);
    }
}
