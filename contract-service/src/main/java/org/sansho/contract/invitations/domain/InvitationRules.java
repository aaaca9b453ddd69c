package org.sansho.contract.invitations.domain;

import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.disclosures.domain.DisclosureRules;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules of a respondent link, without framework: its status at an instant, and whether it can be exchanged or
 * revoked. A link is exchanged once; a revoked link also ends what its exchange gave. A link is a credential handed
 * to a person outside the hospital's identity provider, so its use is bounded in time, limited to one contract's
 * disclosure and withdrawable at any moment: the technical measures of the MHLW guideline (v5.x §6.5, identification
 * and access control of users) applied to a credential the hospital hands out itself.
 */
public final class InvitationRules {

    /** The longest validity of a link a hospital may ask for. */
    public static final int MAX_VALID_DAYS = 30;

    private InvitationRules() {
    }

    public static InvitationStatus status(Instant expiresAt, Instant exchangedAt, Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        if (exchangedAt != null) {
            return InvitationStatus.EXCHANGED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    /** Why a link in this status cannot be exchanged, or null if it can. */
    public static String exchangeRefusal(InvitationStatus status) {
        return switch (status) {
            case PENDING -> null;
            case EXCHANGED -> "This link has already been used; a link is exchanged once. Ask the hospital for a new "
                    + "one / このリンクは使用済みです。病院に再発行を依頼してください";
            case EXPIRED -> "This link has expired / このリンクは有効期限切れです";
            case REVOKED -> "This link was revoked by the hospital / このリンクは病院により取り消されました";
        };
    }

    /**
     * Why a link of this scope cannot be made for a contract in this state, or null if it can. The disclosure
     * package is answered before the agreement (2省GL §3.2.1: the vendor's information comes before the choice);
     * assessments run in every phase of a live contract (pre-contract, periodic reviews and the end of the
     * contract, 2省GL §3.2.2), so an assessment link is refused only once the contract is closed or cancelled.
     */
    public static String openingRefusal(InvitationScope scope, ContractState state) {
        return switch (scope) {
            case DISCLOSURE -> DisclosureRules.open(state) ? null : "A respondent answers the disclosure package, "
                    + "which is answered before the agreement; this contract is " + state
                    + " / 開示パッケージは合意前に回答するものです";
            case ASSESSMENT -> state.isLive() ? null : "An assessment link needs a live contract; this contract is "
                    + state + " / 終了・取消済みの契約には招待できません";
        };
    }

    /** Why a link cannot be revoked, or null if it can (a revocation happens once). */
    public static String revocationRefusal(InvitationStatus status) {
        return status == InvitationStatus.REVOKED ? "The invitation is already revoked" : null;
    }

    /** The validity asked for, in days (null: the default), or a refusal. */
    public static String validityRefusal(Integer days) {
        if (days == null) {
            return null;
        }
        return days < 1 || days > MAX_VALID_DAYS ? "must be between 1 and " + MAX_VALID_DAYS + " days" : null;
    }

    /** A bearer token never outlives the link's purpose: at most its configured lifetime. */
    public static Instant tokenExpiry(Instant now, Duration lifetime) {
        return now.plus(lifetime);
    }
}
