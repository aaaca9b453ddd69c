package org.sansho.platform.audit;

/**
 * Walks the chain in seq order and stops at the first broken link: a seq that is not the previous one plus one
 * (a removed or inserted row), a prev_hash that is not the previous row's hash, or a hash that does not match
 * the row's content (an altered row).
 */
public final class ChainVerifier {

    private long checked;
    private long expectedSeq = 1;
    private String previousHash = AuditRow.GENESIS;
    private AuditVerification broken;

    /** @return false once a broken link was found (later rows are not looked at) */
    public boolean accept(AuditRow row) {
        if (broken != null) {
            return false;
        }
        String reason = null;
        if (row.seq() != expectedSeq) {
            reason = "expected seq " + expectedSeq + " but found " + row.seq() + " (a record was removed or inserted)";
        } else if (!previousHash.equals(row.prevHash())) {
            reason = "prev_hash does not match the hash of record " + (row.seq() - 1);
        } else if (!row.computeHash().equals(row.hash())) {
            reason = "the record's content does not match its hash (the record was altered)";
        }
        if (reason != null) {
            broken = AuditVerification.broken(checked, row.seq(), row.id(), reason);
            return false;
        }
        checked++;
        expectedSeq = row.seq() + 1;
        previousHash = row.hash();
        return true;
    }

    public AuditVerification result() {
        return broken != null ? broken : AuditVerification.intact(checked);
    }
}
