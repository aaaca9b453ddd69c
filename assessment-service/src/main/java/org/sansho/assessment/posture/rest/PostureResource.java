package org.sansho.assessment.posture.rest;

import org.sansho.assessment.posture.persistence.ContractPosture;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.rest.OrganizationScope;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * Compliance posture of one hospital or one vendor, summed over its rows of the posture read model. PostgreSQL sums
 * them by phase, state and verdict: a vendor with thousands of contracts reads a few groups, not a row for each.
 */
@Path("/api/v1/posture")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture", description = "Live compliance posture for dashboards")
public class PostureResource {

    private final EntityManager em;

    public PostureResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Posture of a hospital or a vendor",
            description = "Exactly one of hospital or vendor. Procurement and auditors of a hospital read its posture, "
                    + "a vendor (and its auditors) its own.")
    @APIResponse(responseCode = "200", description = "The posture")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor")
    @APIResponse(responseCode = "404", description = "Another organization's posture")
    public PostureView getPosture(@QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
                               @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor) {
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Posture of organization");
        List<Object[]> rows = em.createQuery("""
                        select coalesce(p.phase, 'UNKNOWN'), coalesce(p.state, 'UNKNOWN'), p.verdict, count(*),
                               sum(p.openMandatoryGaps), sum(p.overdueFindings)
                        from ContractPosture p where %s = :org
                        group by p.phase, p.state, p.verdict""".formatted(scope.hospital() ? "p.hospitalId" : "p.vendorId"), Object[].class)
                .setParameter("org", scope.id()).getResultList();
        return PostureView.of(scope.kind(), scope.id(), rows.stream().map(r -> new PostureView.Group((String) r[0],
                (String) r[1], (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue())).toList());
    }
}
