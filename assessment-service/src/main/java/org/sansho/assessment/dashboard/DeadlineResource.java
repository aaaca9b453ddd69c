package org.sansho.assessment.dashboard;

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
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.sql.Date;
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
            + "certification's expiry, as announced by contract-service's reminders")
    public record DeadlineView(@Schema(example = "NOTICE_DEADLINE") String kind, UUID subjectId, UUID contractId,
                               UUID hospitalId, UUID vendorId, String label, LocalDate dueOn,
                               Integer thresholdDays) {
    }

    private final Caller caller;
    private final EntityManager em;
    private final Clock clock;

    public DeadlineResource(Caller caller, EntityManager em, Clock clock) {
        this.caller = caller;
        this.em = em;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Deadlines coming up for a hospital or a vendor",
            description = "Exactly one of hospital or vendor, with the access rule of the posture. A hospital sees its "
                    + "contracts' notice deadlines and the certification expiries of its contracted vendors; a vendor its "
                    + "contracts' deadlines and its own certifications. Sorted by date, from `days` ago on.")
    @APIResponse(responseCode = "200", description = "The deadlines, earliest first")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, or days out of range")
    @APIResponse(responseCode = "404", description = "Another organization's deadlines")
    public List<DeadlineView> deadlines(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("days") @DefaultValue("30") @Parameter(description = "Also show deadlines passed up to this many days ago (0–365)") int days) {
        if (days < 0 || days > 365) {
            throw ProblemException.badRequest("days", "must be between 0 and 365");
        }
        OrganizationScope scope = OrganizationScope.of(caller, hospital, vendor, "Deadlines of organization");
        String where = scope.hospital()
                ? "(hospital_id = ?1 or (kind = 'CERTIFICATION_EXPIRY' and vendor_id in "
                        + "(select vendor_id from contract_posture where hospital_id = ?1)))"
                : "vendor_id = ?1";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, subject_id, contract_id, hospital_id, vendor_id, label, "
                        + "due_on, threshold_days from upcoming_deadline where " + where
                        + " and due_on >= ?2 order by due_on, kind, subject_id limit 200")
                .setParameter(1, scope.id()).setParameter(2, LocalDate.now(clock).minusDays(days)).getResultList();
        return rows.stream().map(r -> new DeadlineView((String) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3],
                (UUID) r[4], (String) r[5], date(r[6]), r[7] == null ? null : ((Number) r[7]).intValue())).toList();
    }

    private static LocalDate date(Object o) {
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
