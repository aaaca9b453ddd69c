package org.sansho.contract.invitations.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Filter;
import org.sansho.contract.invitations.domain.InvitationRules;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.domain.InvitationStatus;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A respondent invitation: the hospital's one-time link for a vendor contact to one contract's disclosure package.
 * Holds the digest of the link's token, never the token.
 *
 * <p>Tenancy: the hospital's record; seen by the hospital's procurement and auditors (and services), by nobody on
 * the vendor's side, which acts through the link's scoped token instead.
 */
@Filter(name = Tenancy.FILTER, condition = RespondentInvitation.OF_HOSPITAL)
@Entity
@Table(name = "respondent_invitation")
public class RespondentInvitation extends PanacheEntityBase {

    static final String OF_HOSPITAL = "(:" + Tenancy.ALL_ORGANIZATIONS + " or hospital_id = :"
            + Tenancy.HOSPITAL_ORGANIZATION + ")";

    @Id
    public UUID id;

    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "hospital_id")
    public UUID hospitalId;

    @Column(name = "vendor_id")
    public UUID vendorId;

    /** A label for the hospital: no mail is sent to it. */
    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    public InvitationScope scope;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "exchanged_at")
    public Instant exchangedAt;

    /** When the bearer token the exchange gave expires. */
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public InvitationStatus status(Instant now) {
        return InvitationRules.status(expiresAt, exchangedAt, revokedAt, now);
    }

    public static List<RespondentInvitation> ofContract(UUID contractId) {
        return list("contractId = ?1 order by createdAt, id", contractId);
    }

    /** The invitation with this token digest, locked for its exchange: concurrent exchanges take turns. */
    public static Optional<RespondentInvitation> lockedByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
