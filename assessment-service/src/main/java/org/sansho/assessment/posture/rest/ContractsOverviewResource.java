package org.sansho.assessment.posture.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.posture.domain.OverviewSort;
import org.sansho.assessment.rest.OrganizationScope;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.QueryValues;
import org.sansho.platform.security.Roles;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contracts of one hospital or one vendor as the dashboard lists them, filtered, sorted and paged by PostgreSQL
 * over the posture read model (one row per contract) and the upcoming deadlines. Which organization may be read is
 * {@link OrganizationScope}'s rule, the same as the posture's.
 */
@Path("/api/v1/contracts-overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posture")
public class ContractsOverviewResource {

    private static final Pattern STATE = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private final EntityManager em;
    private final Clock clock;

    public ContractsOverviewResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Contracts overview of a hospital or a vendor",
            description = "Exactly one of hospital or vendor, with the access rule of the posture: procurement and "
                    + "auditors of a hospital read its contracts, a vendor (and its auditors) its own; another "
                    + "organization answers 404. Each contract names both parties (hospitalName, vendorName: "
                    + "Japanese and English, as the latest contract event carried them). Filters combine (and); "
                    + "`counterpart` is the vendor of a hospital's contract or the hospital of a vendor's, by id. `sort` is one of title, phase, state, verdict, "
                    + "openMandatoryGaps, overdueFindings, nextDeadline, reagreementPending, stateChangedAt, "
                    + "prefixed with `-` for descending (default `-stateChangedAt`); empty values sort last.")
    @APIResponse(responseCode = "200", description = "One page of contracts")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, an unknown phase, "
            + "verdict or sort key, a malformed state or a too long title filter")
    @APIResponse(responseCode = "404", description = "Another organization's contracts")
    public Page<ContractOverviewView> listContractsOverview(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("contract") @Parameter(description = "Only this contract (the dashboard refreshes one row with it)") UUID contract,
            @QueryParam("phase") @Parameter(description = "PRE_CONTRACT, IN_CONTRACT or POST_TERMINATION") String phase,
            @QueryParam("state") @Parameter(description = "Contract state, e.g. UNDER_REVIEW") String state,
            @QueryParam("verdict") @Parameter(description = "ACCEPTABLE, CONDITIONAL or UNACCEPTABLE") String verdict,
            @QueryParam("counterpart") @Parameter(description = "The other party: a vendor id for a hospital, a hospital id for a vendor") UUID counterpart,
            @QueryParam("reagreementPending") @Parameter(description = "Only contracts with (true) or without (false) a pending re-agreement") Boolean reagreementPending,
            @QueryParam("withGaps") @Parameter(description = "Only contracts with (true) or without (false) open mandatory gaps") Boolean withGaps,
            @QueryParam("withOverdue") @Parameter(description = "Only contracts with (true) or without (false) overdue findings") Boolean withOverdue,
            @QueryParam("title") @Parameter(description = "Part of the title, any case (at most 100 characters)") String title,
            @QueryParam("sort") @Parameter(description = "Sort key, `-` for descending", example = "-overdueFindings") String sort,
            @Valid @BeanParam PageParams page) {
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Contracts of organization");
        OverviewSort.Order order = OverviewSort.parse(sort).orElseThrow(() ->
                ProblemException.badRequest("sort", "must be one of " + OverviewSort.keys() + ", optionally prefixed with -"));
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add((scope.hospital() ? "p.hospital_id" : "p.vendor_id") + " = :org");
        params.put("org", scope.id());
        if (contract != null) {
            where.add("p.contract_id = :contract");
            params.put("contract", contract);
        }
        AssessmentPhase p = QueryValues.one("phase", phase, AssessmentPhase.class);
        if (p != null) {
            where.add("p.phase = :phase");
            params.put("phase", p.name());
        }
        if (state != null && !state.isBlank()) {
            if (!STATE.matcher(state).matches()) {
                throw ProblemException.badRequest("state", "must be a contract state such as UNDER_REVIEW");
            }
            where.add("p.state = :state");
            params.put("state", state);
        }
        Verdict v = QueryValues.one("verdict", verdict, Verdict.class);
        if (v != null) {
            where.add("p.verdict = :verdict");
            params.put("verdict", v.name());
        }
        if (counterpart != null) {
            where.add((scope.hospital() ? "p.vendor_id" : "p.hospital_id") + " = :counterpart");
            params.put("counterpart", counterpart);
        }
        if (reagreementPending != null) {
            where.add("p.reagreement_pending = :reagreement");
            params.put("reagreement", reagreementPending);
        }
        if (withGaps != null) {
            where.add(withGaps ? "p.open_mandatory_gaps > 0" : "p.open_mandatory_gaps = 0");
        }
        if (withOverdue != null) {
            where.add(withOverdue ? "p.overdue_findings > 0" : "p.overdue_findings = 0");
        }
        if (title != null && !title.isBlank()) {
            if (title.length() > 100) {
                throw ProblemException.badRequest("title", "must be at most 100 characters");
            }
            where.add("p.title ilike :title escape '\\'");
            params.put("title", "%" + title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = """
                from contract_posture p
                left join lateral (select d.due_on, d.kind from upcoming_deadline d
                    where d.contract_id = p.contract_id and d.kind <> 'CERTIFICATION_EXPIRY' and d.due_on >= :today
                    order by d.due_on limit 1) nd on true
                """ + " where " + String.join(" and ", where);
        params.put("today", LocalDate.now(clock));
        Query query = em.createNativeQuery("""
                select p.contract_id, p.title, p.hospital_id, p.vendor_id, p.phase, p.state, p.verdict,
                       p.open_mandatory_gaps, p.overdue_findings, nd.due_on as next_deadline, nd.kind,
                       p.reagreement_pending, p.state_changed_at, p.hospital_name_ja, p.hospital_name_en,
                       p.vendor_name_ja, p.vendor_name_en
                """ + from + " order by " + order.sql());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        List<ContractOverviewView> items = rows.stream().map(ContractsOverviewResource::view).toList();
        return Page.of(items, page, Page.total(page, items.size(), limit -> {
            Query count = em.createNativeQuery("select count(*) from (select 1 " + from
                    + (limit == Long.MAX_VALUE ? "" : " limit " + (limit + 1)) + ") c");
            params.forEach(count::setParameter);
            return ((Number) count.getSingleResult()).longValue();
        }));
    }

    private static ContractOverviewView view(Object[] r) {
        return new ContractOverviewView((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                OrganizationNameView.of(r[13], r[14]), OrganizationNameView.of(r[15], r[16]), (String) r[4],
                (String) r[5], (String) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), date(r[9]),
                (String) r[10], Boolean.TRUE.equals(r[11]), instant(r[12]));
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return value instanceof Date d ? d.toLocalDate() : null;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
