package org.sansho.assessment.posture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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
import org.sansho.assessment.dashboard.OrganizationScope;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Compliance posture of one hospital or one vendor, summed over its rows of the posture read model. */
@Path("/api/v1/posture")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture", description = "Live compliance posture for dashboards")
public class PostureResource {

    @Schema(name = "Posture", description = "Contracts per phase and state, latest verdicts, open mandatory gaps and overdue findings")
    public record PostureView(@Schema(example = "HOSPITAL") String organizationKind, UUID organizationId,
                              int contracts, Map<String, Integer> contractsByPhase,
                              Map<String, Integer> contractsByState, Map<String, Integer> verdicts,
                              int openMandatoryGaps, int overdueFindings) {
    }

    private final Caller caller;
    private final EntityManager em;

    public PostureResource(Caller caller, EntityManager em) {
        this.caller = caller;
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
    public PostureView posture(@QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
                               @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor) {
        OrganizationScope scope = OrganizationScope.of(caller, hospital, vendor, "Posture of organization");
        UUID org = scope.id();
        String column = scope.hospital() ? "hospital_id" : "vendor_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select coalesce(phase, 'UNKNOWN'), coalesce(state, 'UNKNOWN'), "
                        + "verdict, open_mandatory_gaps, overdue_findings from contract_posture where " + column + " = ?1")
                .setParameter(1, org).getResultList();
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> verdicts = new TreeMap<>();
        int gaps = 0;
        int overdue = 0;
        for (Object[] r : rows) {
            phases.merge((String) r[0], 1, Integer::sum);
            states.merge((String) r[1], 1, Integer::sum);
            if (r[2] != null) {
                verdicts.merge((String) r[2], 1, Integer::sum);
            }
            gaps += ((Number) r[3]).intValue();
            overdue += ((Number) r[4]).intValue();
        }
        return new PostureView(scope.kind(), org, rows.size(), phases, states, verdicts,
                gaps, overdue);
    }
}
