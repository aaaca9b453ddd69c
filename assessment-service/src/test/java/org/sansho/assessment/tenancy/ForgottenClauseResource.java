package org.sansho.assessment.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.deadlines.persistence.UpcomingDeadline;
import org.sansho.assessment.posture.persistence.ContractPosture;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only endpoints written the way a forgetful new feature would be: plain queries with no tenancy clause and
 * no check of the caller. The tenancy tests call them with real tokens and assert that only the caller's rows come
 * back. Hidden from the API document.
 */
@Path("/test-only/forgotten-clause")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
public class ForgottenClauseResource {

    private final EntityManager em;

    public ForgottenClauseResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("/assessments")
    @Operation(hidden = true)
    public List<UUID> assessments() {
        return Assessment.<Assessment>listAll().stream().map(a -> a.id).toList();
    }

    @GET
    @Path("/assessments/{id}")
    @Operation(hidden = true)
    public Map<String, Boolean> assessment(@PathParam("id") UUID id) {
        return Map.of("found", Assessment.findById(id) != null);
    }

    @GET
    @Path("/items")
    @Operation(hidden = true)
    public List<UUID> itemsByHql() {
        return em.createQuery("select i.assessmentId from AssessmentItem i", UUID.class).getResultList();
    }

    @GET
    @Path("/items/{id}")
    @Operation(hidden = true)
    public Map<String, Boolean> item(@PathParam("id") UUID id) {
        return Map.of("found", AssessmentItem.findById(id) != null);
    }

    @GET
    @Path("/posture")
    @Operation(hidden = true)
    public List<UUID> posture() {
        return ContractPosture.<ContractPosture>listAll().stream().map(p -> p.contractId).toList();
    }

    @GET
    @Path("/deadlines")
    @Operation(hidden = true)
    public List<UUID> deadlines() {
        return UpcomingDeadline.<UpcomingDeadline>listAll().stream().map(d -> d.key.subjectId()).toList();
    }
}
