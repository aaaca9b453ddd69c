package org.sansho.assessment.deadlines.rest;

import org.sansho.assessment.deadlines.persistence.UpcomingDeadline;
import org.sansho.assessment.rest.OrganizationScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Notice deadlines and certification expiries coming up for one hospital or vendor (dashboard read). */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture")
public class DeadlineResource {

    @Schema(name = "UpcomingDeadline", description = "A contract's notice deadline (or passed end date) or a vendor "
            + "certification's expiry, as announced by contract-service's reminders, or the validUntil of an "
            + "assessment's evidence reference (EVIDENCE_EXPIRY, label = the evidence name)")
    public record DeadlineView(@Schema(example = "NOTICE_DEADLINE") String kind, UUID subjectId, UUID contractId,
                               UUID hospitalId, UUID vendorId, String label, LocalDate dueOn,
                               Integer thresholdDays) {
    }

    private final EntityManager em;
    private final Clock clock;

    public DeadlineResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Deadlines coming up for a hospital or a vendor",
            description = "Exactly one of hospital or vendor, with the access rule of the posture. A hospital sees its "
                    + "contracts' notice deadlines and the certification expiries of its contracted vendors; a vendor its "
                    + "contracts' deadlines and its own certifications. Both see the expiring evidence of their "
                    + "contracts' assessments. Sorted by date, from `days` ago on.")
    @APIResponse(responseCode = "200", description = "The deadlines, earliest first")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, or days out of range")
    @APIResponse(responseCode = "404", description = "Another organization's deadlines")
    public List<DeadlineView> listDeadlines(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("days") @DefaultValue("30") @Parameter(description = "Also show deadlines passed up to this many days ago (0–365)") int days) {
        if (days < 0 || days > 365) {
            throw ProblemException.badRequest("days", "must be between 0 and 365");
        }
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Deadlines of organization");
        String where = scope.hospital()
                ? "(d.hospitalId = :org or (d.key.kind = '" + UpcomingDeadline.CERTIFICATION_EXPIRY + "' and d.vendorId in "
                        + "(select p.vendorId from ContractPosture p where p.hospitalId = :org)))"
                : "d.vendorId = :org";
        return em.createQuery("from UpcomingDeadline d where " + where
                        + " and d.dueOn >= :from order by d.dueOn, d.key.kind, d.key.subjectId", UpcomingDeadline.class)
                .setParameter("org", scope.id()).setParameter("from", LocalDate.now(clock).minusDays(days))
                .setMaxResults(200).getResultList().stream()
                .map(d -> new DeadlineView(d.key.kind(), d.key.subjectId(), d.contractId, d.hospitalId, d.vendorId,
                        d.label, d.dueOn, d.thresholdDays)).toList();
    }
}
