package org.sansho.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The audit trail of this service, read-only: there is no API that changes or removes a record. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Audit", description = "The hash-chained audit trail of the service's records, and its verification")
public class AuditResource {

    private static final int MAX_FILTER_LENGTH = 200;

    private final AuditTrail trail;
    private final Caller caller;

    public AuditResource(AuditTrail trail, Caller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Audit records of the caller's organization and of public reference data, newest first")
    public Page<AuditRecordView> list(@Valid @BeanParam PageParams page,
                                      @Parameter(description = "e.g. contract") @QueryParam("entityType")
                                      String entityType,
                                      @QueryParam("entityId") String entityId,
                                      @Parameter(description = "ISO-8601 date-time, inclusive")
                                      @QueryParam("from") String from,
                                      @Parameter(description = "ISO-8601 date-time, exclusive")
                                      @QueryParam("to") String to) {
        AuditTrail.AuditFilter filter = new AuditTrail.AuditFilter(text("entityType", entityType),
                text("entityId", entityId), instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        Page<AuditRow> rows = trail.list(caller.requireOrganization(), filter, page);
        return rows.map(AuditRecordView::of);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Checks this service's whole audit chain and reports the first broken record")
    public AuditVerification verify() {
        caller.requireOrganization();
        return trail.verify();
    }

    private static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw ProblemException.badRequest(name, "must be at most " + MAX_FILTER_LENGTH + " characters");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 date-time with offset, e.g. "
                    + "2026-01-31T09:00:00Z");
        }
    }
}
