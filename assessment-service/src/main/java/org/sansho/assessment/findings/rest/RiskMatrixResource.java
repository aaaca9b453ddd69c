package org.sansho.assessment.findings.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.findings.domain.RiskMatrix;
import org.sansho.assessment.rest.OrganizationScope;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.security.Roles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The risk matrix of a hospital's or a vendor's findings: PostgreSQL counts them per likelihood and highest impact,
 * {@link RiskMatrix} names the level of each cell.
 */
@Path("/api/v1/risk-matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class RiskMatrixResource {

    private final EntityManager em;

    public RiskMatrixResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Risk matrix of a hospital's or a vendor's findings",
            description = "Exactly one of hospital or vendor, with the access rule of the posture. Counts the findings "
                    + "of the given statuses (default OPEN) per likelihood and highest C/I/A impact; all 25 cells are "
                    + "listed, likelihood 5 first, each with the level it stands for.")
    @APIResponse(responseCode = "200", description = "The matrix")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, or an unknown status")
    @APIResponse(responseCode = "404", description = "Another organization's findings")
    public RiskMatrixView riskMatrix(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("contract") @Parameter(description = "Only this contract's findings") UUID contract,
            @QueryParam("status") @Parameter(description = "Statuses to count (repeatable): OPEN, RESOLVED, RISK_ACCEPTED; default OPEN") List<String> status) {
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Findings of organization");
        Set<FindingStatus> statuses = QueryValues.all("status", status, FindingStatus.class);
        if (statuses.isEmpty()) {
            statuses = Set.of(FindingStatus.OPEN);
        }
        Query query = em.createNativeQuery("""
                select f.likelihood, greatest(f.impact_c, f.impact_i, f.impact_a) as impact, count(*)
                from finding f where %s = ?1 and f.status in (?2) %s
                group by 1, 2""".formatted(scope.hospital() ? "f.hospital_id" : "f.vendor_id",
                        contract == null ? "" : "and f.contract_id = ?3"))
                .setParameter(1, scope.id())
                .setParameter(2, statuses.stream().map(Enum::name).collect(Collectors.toList()));
        if (contract != null) {
            query.setParameter(3, contract);
        }
        int[][] counts = new int[6][6];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] r : rows) {
            counts[((Number) r[0]).intValue()][((Number) r[1]).intValue()] = ((Number) r[2]).intValue();
        }
        List<RiskMatrixView.Cell> cells = new ArrayList<>();
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            byLevel.put(level, 0);
        }
        int total = 0;
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            for (int impact = 1; impact <= 5; impact++) {
                RiskLevel level = RiskMatrix.level(likelihood, impact, impact, impact);
                int n = counts[likelihood][impact];
                cells.add(new RiskMatrixView.Cell(likelihood, impact, level, n));
                byLevel.merge(level, n, Integer::sum);
                total += n;
            }
        }
        return new RiskMatrixView(scope.kind(), scope.id(), contract, cells, byLevel, total);
    }
}
