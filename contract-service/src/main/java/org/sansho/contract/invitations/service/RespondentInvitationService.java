package org.sansho.contract.invitations.service;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.contract.invitations.domain.InvitationRules;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.domain.InvitationStatus;
import org.sansho.contract.invitations.domain.LinkTokens;
import org.sansho.contract.invitations.events.RespondentInvitationRevoked;
import org.sansho.contract.invitations.persistence.RespondentInvitation;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.platform.security.TokenScope;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Respondent links: the hospital's procurement invites a vendor contact who has no account in its identity provider
 * to one contract's disclosure package. The invitation yields a one-time token (shown once; only its digest is
 * kept); its exchange gives a short-lived bearer token that acts as the vendor organization on that contract and for
 * those operations only ({@link TokenScope}, confined by the platform's TokenScopeFilter). Creation, exchange,
 * revocation and every request of the bearer token are audit records of the invitation.
 */
@ApplicationScoped
public class RespondentInvitationService {

    /** The subject of a scoped token: {@code respondent:<invitation id>}. */
    public static final String SUBJECT_PREFIX = "respondent:";
    static final String ENTITY = "respondent-invitation";
    /**
     * Token lifetimes are counted on the wall clock, which is what every service that verifies a token uses; the
     * link's own validity is domain time (the platform clock).
     */
    private static final Clock WALL = Clock.systemUTC();

    private final EntityManager em;
    private final Clock clock;
    private final ContractService contracts;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Duration validFor;
    private final Duration tokenLifetime;

    public RespondentInvitationService(EntityManager em, Clock clock, ContractService contracts, AuditTrail audit,
                                       Outbox outbox,
                                       @ConfigProperty(name = "sansho.respondent-links.valid-for") Duration validFor,
                                       @ConfigProperty(name = "sansho.respondent-links.token-lifetime")
                                       Duration tokenLifetime) {
        this.em = em;
        this.clock = clock;
        this.contracts = contracts;
        this.audit = audit;
        this.outbox = outbox;
        this.validFor = validFor;
        this.tokenLifetime = tokenLifetime;
    }

    public IssuedInvitation invite(UUID contractId, InviteRespondent request, Caller caller) {
        Contract c = contracts.writableByHospital(contractId, caller);
        String validity = InvitationRules.validityRefusal(request.validForDays());
        if (validity != null) {
            throw ProblemException.badRequest("validForDays", validity);
        }
        InvitationScope scope = request.scope() == null ? InvitationScope.DISCLOSURE : request.scope();
        String closed = InvitationRules.openingRefusal(scope, c.state);
        if (closed != null) {
            throw scope == InvitationScope.DISCLOSURE
                    ? ProblemException.conflict("disclosure-closed", "Disclosure closed", closed)
                    : ProblemException.conflict("contract-closed", "Contract closed", closed);
        }
        Instant now = clock.instant();
        String token = LinkTokens.newToken();
        RespondentInvitation i = new RespondentInvitation();
        i.id = UUID.randomUUID();
        i.contractId = c.id;
        i.hospitalId = c.hospitalId;
        i.vendorId = c.vendorId;
        i.contactEmail = request.contactEmail().strip();
        i.scope = scope;
        i.tokenHash = LinkTokens.digest(token);
        i.expiresAt = now.plus(request.validForDays() == null ? validFor : Duration.ofDays(request.validForDays()));
        i.createdBy = caller.subject();
        i.createdAt = now;
        i.persist();
        em.flush();
        record("respondent-invitation.created", i, null, now);
        return new IssuedInvitation(i, token);
    }

    public List<RespondentInvitation> list(UUID contractId) {
        contracts.readable(contractId);
        return RespondentInvitation.ofContract(contractId);
    }

    public RespondentInvitation revoke(UUID contractId, UUID invitationId, Caller caller) {
        Contract c = contracts.writableByHospital(contractId, caller);
        RespondentInvitation i = em.find(RespondentInvitation.class, invitationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !i.contractId.equals(c.id)) {
            throw ProblemException.notFound("Respondent invitation", invitationId);
        }
        Instant now = clock.instant();
        String refusal = InvitationRules.revocationRefusal(i.status(now));
        if (refusal != null) {
            throw ProblemException.conflict("invitation-revoked", "Invitation revoked", refusal);
        }
        InvitationSnapshot before = InvitationSnapshot.of(i, now);
        i.revokedAt = now;
        i.revokedBy = caller.subject();
        em.flush();
        record("respondent-invitation.revoked", i, before, now);
        // The other services that accept the token's scope refuse it once they read this (docs/security.md).
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                ContractEventTypes.RESPONDENT_INVITATION_REVOKED,
                new RespondentInvitationRevoked(ContractContext.of(c), i.id, i.scope, now.atOffset(ZoneOffset.UTC)));
        return i;
    }

    /**
     * Exchanges a link's token for the scoped bearer token, once: the invitation's row is locked, so of concurrent
     * exchanges one sets {@code exchanged_at} and the others find it set. Nobody is authenticated here; the token is
     * the credential, so the work sees every organization's invitations to find its one.
     */
    public ExchangedLink exchange(String token) {
        if (!LinkTokens.wellFormed(token)) {
            throw unknownLink();
        }
        return Tenancy.system("contract-service.respondent-links", () -> {
            RespondentInvitation i = RespondentInvitation.lockedByTokenHash(LinkTokens.digest(token))
                    .orElseThrow(RespondentInvitationService::unknownLink);
            Instant now = clock.instant();
            InvitationStatus status = i.status(now);
            String refusal = InvitationRules.exchangeRefusal(status);
            if (refusal != null) {
                throw ProblemException.of(410, "respondent-link-" + status.name().toLowerCase(),
                        "Respondent link " + status.name().toLowerCase(), refusal);
            }
            InvitationSnapshot before = InvitationSnapshot.of(i, now);
            Instant issued = WALL.instant();
            Instant expires = InvitationRules.tokenExpiry(issued, tokenLifetime);
            i.exchangedAt = now;
            i.tokenExpiresAt = expires;
            em.flush();
            audit.actAs(AuditActor.of(SUBJECT_PREFIX + i.id, i.vendorId, List.of(Roles.VENDOR)), null);
            record("respondent-invitation.exchanged", i, before, now);
            List<String> operations = i.scope.operations();
            String bearer = Jwt.subject(SUBJECT_PREFIX + i.id).upn(SUBJECT_PREFIX + i.id)
                    .groups(Set.of(Roles.VENDOR))
                    .claim(Caller.ORGANIZATION_CLAIM, i.vendorId.toString())
                    .claim(TokenScope.RESOURCE_CLAIM, "contract:" + i.contractId)
                    .claim(TokenScope.OPERATIONS_CLAIM, operations)
                    .claim(TokenScope.GRANT_CLAIM, i.id.toString())
                    .claim("email", i.contactEmail)
                    .issuedAt(issued).expiresAt(expires)
                    .sign();
            return new ExchangedLink(bearer, expires, tokenLifetime.toSeconds(), i.contractId, i.vendorId,
                    operations);
        });
    }

    /**
     * One request of a scoped token inside its scope (TokenScopeFilter): refused once the invitation is revoked,
     * otherwise recorded as a use of the invitation.
     */
    public void admit(Caller caller, TokenScope scope, String operation, String method) {
        UUID grant;
        try {
            grant = UUID.fromString(scope.grant());
        } catch (IllegalArgumentException e) {
            throw revoked();
        }
        Tenancy.system("contract-service.respondent-links", () -> {
            RespondentInvitation i = em.find(RespondentInvitation.class, grant);
            if (i == null || i.revokedAt != null || !("contract:" + i.contractId).equals(scope.resource())) {
                throw revoked();
            }
            audit.record("respondent-invitation.used", ENTITY, i.id, List.of(i.hospitalId, i.vendorId), null,
                    new Use(i.id, i.contractId, operation, method));
        });
    }

    /** What an audit record of a use digests. */
    record Use(UUID invitation, UUID contract, String operation, String request) {
    }

    private void record(String action, RespondentInvitation i, InvitationSnapshot before, Instant now) {
        audit.record(action, ENTITY, i.id, List.of(i.hospitalId, i.vendorId), before, InvitationSnapshot.of(i, now));
    }

    private static ProblemException unknownLink() {
        return ProblemException.of(404, "unknown-respondent-link", "Unknown respondent link",
                "No respondent link has this token / このリンクは存在しません");
    }

    private static ProblemException revoked() {
        return ProblemException.of(401, "token-revoked", "Token revoked",
                "The respondent link behind this token was revoked by the hospital / このリンクは取り消されました");
    }
}
