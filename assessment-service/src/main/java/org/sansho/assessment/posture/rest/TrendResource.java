package org.sansho.assessment.posture.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.assessment.rest.OrganizationScope;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Posture trends from the weekly snapshots ({@code posture_week}): for each week, every contract of the organization
 * counts as its latest snapshot at or before that week, so a contract that did not change in a week carries its
 * state forward.
 */
@Path("/api/v1/posture-trends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture")
public class TrendResource {

    static final int MAX_WEEKS = 104;

    private final EntityManager em;
    private final Clock clock;

    public TrendResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Weekly posture trend of a hospital or a vendor",
            description = "Exactly one of hospital or vendor, with the access rule of the posture. One point per week "
                    + "for the last `weeks` weeks (1–" + MAX_WEEKS + ", the current one included): contracts per phase, "
                    + "open mandatory gaps and overdue findings as they stood at the end of that week.")
    @APIResponse(responseCode = "200", description = "The weeks, oldest first")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, or weeks out of range")
    @APIResponse(responseCode = "404", description = "Another organization's trend")
    public TrendView postureTrend(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("weeks") @DefaultValue("12") @Parameter(description = "How many weeks back (1–" + MAX_WEEKS + ")") int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw ProblemException.badRequest("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Trend of organization");
        LocalDate last = PostureProjection.weekOf(clock.instant());
        LocalDate first = last.minusWeeks(weeks - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select cast(w.week_start as date), s.phase, count(s.contract_id),
                               coalesce(sum(s.open_mandatory_gaps), 0), coalesce(sum(s.overdue_findings), 0)
                        from (select cast(g as date) as week_start
                              from generate_series(cast(?1 as date), cast(?2 as date), interval '7 days') g) w
                        left join lateral (
                            select distinct on (pw.contract_id) pw.contract_id, pw.phase, pw.open_mandatory_gaps,
                                   pw.overdue_findings
                            from posture_week pw where %s = ?3 and pw.week_start <= w.week_start
                            order by pw.contract_id, pw.week_start desc) s on true
                        group by w.week_start, s.phase order by w.week_start""".formatted(
                        scope.hospital() ? "pw.hospital_id" : "pw.vendor_id"))
                .setParameter(1, first).setParameter(2, last).setParameter(3, scope.id()).getResultList();
        Map<LocalDate, List<Object[]>> byWeek = new LinkedHashMap<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            byWeek.put(w, new ArrayList<>());
        }
        for (Object[] r : rows) {
            LocalDate week = ContractsOverviewResource.date(r[0]);
            if (byWeek.containsKey(week)) {
                byWeek.get(week).add(r);
            }
        }
        List<TrendView.Week> points = new ArrayList<>();
        byWeek.forEach((week, groups) -> {
            Map<String, Integer> phases = new TreeMap<>();
            int contracts = 0;
            int gaps = 0;
            int overdue = 0;
            for (Object[] g : groups) {
                int n = ((Number) g[2]).intValue();
                if (n == 0) {
                    continue;
                }
                phases.merge(g[1] == null ? "UNKNOWN" : (String) g[1], n, Integer::sum);
                contracts += n;
                gaps += ((Number) g[3]).intValue();
                overdue += ((Number) g[4]).intValue();
            }
            points.add(new TrendView.Week(week, contracts, phases, gaps, overdue));
        });
        return new TrendView(scope.kind(), scope.id(), points);
    }
}
