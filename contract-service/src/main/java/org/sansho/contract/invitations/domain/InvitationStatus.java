package org.sansho.contract.invitations.domain;

/** Where a respondent link stands. */
public enum InvitationStatus {
    /** Made, not exchanged yet, not expired, not revoked. */
    PENDING,
    /** Exchanged for its bearer token; the link cannot be used again. */
    EXCHANGED,
    /** Its validity ended before it was exchanged. */
    EXPIRED,
    /** Withdrawn by the hospital; a bearer token it gave is refused from then on. */
    REVOKED
}
