package org.sansho.contract.invitations.service;

import org.sansho.contract.invitations.persistence.RespondentInvitation;

/** A new invitation and its link's token, which exists only in this value and the response that carries it. */
public record IssuedInvitation(RespondentInvitation invitation, String token) {
}
