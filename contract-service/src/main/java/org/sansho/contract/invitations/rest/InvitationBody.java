package org.sansho.contract.invitations.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.invitations.domain.InvitationRules;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.service.InviteRespondent;

@Schema(description = "An invitation of a vendor contact to answer the contract's disclosure package or its "
        + "assessments")
public record InvitationBody(
        @NotBlank @Email @Size(max = 254)
        @Schema(description = "The contact's e-mail address, a label for the hospital; no mail is sent",
                example = "security@vendor.example")
        String contactEmail,
        @Schema(description = "What the link allows. DISCLOSURE (the default): read the contract's disclosure package "
                + "and answer its rows (operations disclosure.read, disclosure.answer). ASSESSMENT: read the "
                + "contract's assessments and their items and answer the vendor's items in the assessment-service "
                + "(assessment.read, assessment.answer)")
        InvitationScope scope,
        @Min(1) @Max(InvitationRules.MAX_VALID_DAYS)
        @Schema(description = "Days the link can be exchanged; the service's default (7) when absent", example = "7")
        Integer validForDays) {

    public InviteRespondent toCommand() {
        return new InviteRespondent(contactEmail, scope, validForDays);
    }
}
