package org.sansho.assessment.stream;

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
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.Optional;
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
    public Multi<ComplianceEventStream.StreamedEvent> events(
            @QueryParam("hospital") @Parameter(description = "Only this hospital's facts") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Only this vendor's facts") UUID vendor) {
        boolean service = caller.isService();
        Optional<UUID> org = caller.organizationId();
        boolean asHospital = caller.hasRole(Roles.PROCUREMENT) || caller.hasRole(Roles.AUDITOR);
        boolean asVendor = caller.hasRole(Roles.VENDOR) || caller.hasRole(Roles.AUDITOR);
        if (!service) {
            caller.requireOrganization();
        }
        return stream.events().filter(e -> {
            String h = e.organization("hospitalId");
            String v = e.organization("vendorId");
            boolean visible = service || org.map(UUID::toString)
                    .map(o -> (asHospital && o.equals(h)) || (asVendor && o.equals(v))).orElse(false);
            return visible && (hospital == null || hospital.toString().equals(h))
                    && (vendor == null || vendor.toString().equals(v));
        });
    }
}
