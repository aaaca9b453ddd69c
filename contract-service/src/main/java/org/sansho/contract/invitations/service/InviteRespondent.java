package org.sansho.contract.invitations.service;

import org.sansho.contract.invitations.domain.InvitationScope;

/** The hospital's invitation of a vendor contact: a label (the e-mail address), the scope, the link's validity. */
public record InviteRespondent(String contactEmail, InvitationScope scope, Integer validForDays) {
}
