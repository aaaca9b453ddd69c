package org.sansho.assessment.stream.rest;

import org.sansho.assessment.stream.service.ComplianceEventStream;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.platform.tenancy.TenantScope;
import org.sansho.platform.tenancy.Tenancy;

import java.util.UUID;

@Path("/api/v1/stream")
@Tag(name = "Posture")
public class StreamResource {

    private final Caller caller;
    private final ComplianceEventStream stream;

    public StreamResource(Caller caller, ComplianceEventStream stream) {
        this.caller = caller;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Live compliance events (Server-Sent Events)",
            description = "Contract and assessment facts as they happen, each a JSON CloudEvent summary. Only facts of "
                    + "the caller's organization (as hospital or vendor) are sent; hospital and vendor narrow further.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "404", description = "The hospital or vendor named is another organization")
    public Multi<ComplianceEventStream.StreamedEvent> streamEvents(
            @QueryParam("hospital") @Parameter(description = "Only this hospital's facts") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Only this vendor's facts") UUID vendor) {
        if (!caller.isService()) {
            caller.requireOrganization();
        }
        // The same rule as every read: the tenancy scope of the caller, fixed when the stream opens.
        TenantScope scope = Tenancy.current();
        if (hospital != null && !scope.seesHospital(hospital)) {
            throw ProblemException.notFound("Hospital", hospital);
        }
        if (vendor != null && !scope.seesVendor(vendor)) {
            throw ProblemException.notFound("Vendor", vendor);
        }
        return stream.events().filter(e -> {
            UUID h = e.organization("hospitalId");
            UUID v = e.organization("vendorId");
            return scope.sees(h, v) && (hospital == null || hospital.equals(h)) && (vendor == null || vendor.equals(v));
        });
    }
}
