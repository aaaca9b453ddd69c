package org.sansho.assessment.timeline.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.posture.persistence.ContractPosture;
import org.sansho.assessment.timeline.domain.TimelineKind;
import org.sansho.assessment.timeline.persistence.TimelineEntry;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A contract's timeline: its state changes, assessment steps, findings, incidents, re-agreements and reminders in
 * the order they happened. Which contracts a caller sees is the platform's tenant filter on the timeline and the
 * posture rows.
 */
@Path("/api/v1/contract-timelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture")
public class TimelineResource {

    private final Caller caller;

    public TimelineResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{contractId}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Timeline of one contract",
            description = "Every state change, assessment step, finding, incident, re-agreement and reminder of the "
                    + "contract, oldest first (`newestFirst=true` for the reverse), optionally of some kinds only. Seen "
                    + "by the contract's hospital and vendor (and their auditors); who changed a state and why only by "
                    + "the hospital's side.")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "400", description = "An unknown kind, or a bad page")
    @APIResponse(responseCode = "404", description = "No such contract, or one of another organization")
    public Page<TimelineEntryView> contractTimeline(
            @PathParam("contractId") UUID contractId,
            @QueryParam("kind") @Parameter(description = "Only these kinds (repeatable): CONTRACT, STATE_CHANGE, "
                    + "ASSESSMENT, FINDING, INCIDENT, REAGREEMENT, REMINDER") List<String> kinds,
            @QueryParam("newestFirst") @Parameter(description = "Newest first instead of oldest first") boolean newestFirst,
            @Valid @BeanParam PageParams page) {
        Set<TimelineKind> only = QueryValues.all("kind", kinds, TimelineKind.class);
        if (ContractPosture.count("contractId", contractId) == 0 && TimelineEntry.count("contractId", contractId) == 0) {
            throw ProblemException.notFound("Contract", contractId);
        }
        Sort sort = newestFirst ? Sort.descending("occurredAt", "eventId") : Sort.ascending("occurredAt", "eventId");
        var query = only.isEmpty()
                ? TimelineEntry.<TimelineEntry>find("contractId = ?1", sort, contractId)
                : TimelineEntry.<TimelineEntry>find("contractId = ?1 and kind in ?2", sort, contractId, only);
        return Page.of(query, page, e -> TimelineEntryView.of(e, caller));
    }
}
