package org.sansho.contract.organizations.rest;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.contract.organizations.service.OrganizationService;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "Hospitals, vendors, vendor services and certifications")
public class OrganizationResource {

    private final OrganizationService organizations;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public OrganizationResource(OrganizationService organizations, IdempotentRequests idempotency, Caller caller) {
        this.organizations = organizations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Register the caller's hospital or a vendor it deals with",
            description = "The 法人番号 is validated with its check digit. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, e.g. a corporate number with a wrong check digit")
    @APIResponse(responseCode = "409", description = "The id or corporate number is already registered")
    public Response registerOrganization(@Valid @NotNull NewOrganization request,
                             @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /organizations by " + caller.requireOrganization(), request, () -> {
            Organization o = organizations.register(request.toCommand(), caller);
            return Response.created(URI.create("/api/v1/organizations/" + o.id)).entity(OrganizationView.of(o)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "Organizations the caller may see",
            description = "Its own, those it registered, and the counterparts of its contracts")
    public Page<OrganizationView> listOrganizations(@QueryParam("kind") @Parameter(description = "HOSPITAL or VENDOR")
                                       OrganizationKind kind, @Valid @BeanParam PageParams page) {
        caller.requireOrganization();
        // Which organizations the caller may see is the platform's tenant filter (Organization.VISIBLE).
        Parameters params = new Parameters();
        String query = "";
        if (kind != null) {
            query = "kind = :kind ";
            params.and("kind", kind);
        }
        return Page.of(Organization.find(query + "order by nameJa, id", params), page, OrganizationView::of);
    }
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "One organization")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public OrganizationView getOrganization(@PathParam("id") UUID id) {
        return OrganizationView.of(organizations.visible(id));
    }

    @POST
    @Path("/{id}/services")
    @Transactional
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT})
    @Operation(summary = "Add a service (offering) of a vendor",
            description = "By the vendor itself or by the organization that registered it. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public Response addService(@PathParam("id") UUID id, @Valid @NotNull NewService request,
                               @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /organizations/" + id + "/services by " + caller.requireOrganization(),
                request, () -> {
                    VendorService s = organizations.addService(id, request.toCommand(), caller);
                    return Response.created(URI.create("/api/v1/organizations/" + id + "/services/" + s.id))
                            .entity(ServiceView.of(s)).build();
                });
    }

    @GET
    @Path("/{id}/services")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "Services of a vendor")
    public Page<ServiceView> listServices(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        organizations.visible(id);
        return Page.of(VendorService.find("organizationId = ?1 order by name, id", id), page, ServiceView::of);
    }

    @GET
    @Path("/{id}/services/{serviceId}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "One service of a vendor")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    public ServiceView getService(@PathParam("id") UUID id, @PathParam("serviceId") UUID serviceId) {
        organizations.visible(id);
        VendorService s = VendorService.findById(serviceId);
        if (s == null || !s.organizationId.equals(id)) {
            throw org.sansho.platform.problem.ProblemException.notFound("Service", serviceId);
        }
        return ServiceView.of(s);
    }

    @POST
    @Path("/{id}/certifications")
    @Transactional
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT})
    @Operation(summary = "Record a certification of a vendor (ISMS, Privacy Mark, ISMAP …)",
            description = "By the vendor itself or by the organization that registered it. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public Response addCertification(@PathParam("id") UUID id, @Valid @NotNull NewCertification request,
                                     @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /organizations/" + id + "/certifications by "
                + caller.requireOrganization(), request, () -> {
            Certification c = organizations.addCertification(id, request.toCommand(), caller);
            return Response.created(URI.create("/api/v1/organizations/" + id + "/certifications/" + c.id))
                    .entity(CertificationView.of(c)).build();
        });
    }

    @GET
    @Path("/{id}/certifications")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR})
    @Operation(summary = "Certifications of a vendor")
    public Page<CertificationView> listCertifications(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        organizations.visible(id);
        return Page.of(Certification.find("organizationId = ?1 order by expiresOn, id", id), page,
                CertificationView::of);
    }
}
