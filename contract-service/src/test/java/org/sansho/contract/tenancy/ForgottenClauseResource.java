package org.sansho.contract.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.ContractTransition;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only endpoints written the way a forgetful new feature would be: plain queries with no tenancy clause and
 * no check of the caller. The tenancy tests call them with real tokens and assert that only the caller's rows come
 * back. Hidden from the API document.
 */
@Path("/test-only/forgotten-clause")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
public class ForgottenClauseResource {

    private final EntityManager em;

    public ForgottenClauseResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("/contracts")
    @Operation(hidden = true)
    public List<Map<String, UUID>> contracts() {
        return Contract.<Contract>listAll().stream()
                .map(c -> Map.of("id", c.id, "hospitalId", c.hospitalId, "vendorId", c.vendorId)).toList();
    }

    @GET
    @Path("/contracts-hql")
    @Operation(hidden = true)
    public List<UUID> contractsByHql() {
        return em.createQuery("select c.id from Contract c", UUID.class).getResultList();
    }

    @GET
    @Path("/contracts/{id}")
    @Operation(hidden = true)
    public Map<String, Boolean> contract(@PathParam("id") UUID id) {
        return Map.of("found", Contract.findById(id) != null, "foundByEm", em.find(Contract.class, id) != null);
    }

    @GET
    @Path("/transitions")
    @Operation(hidden = true)
    public List<UUID> transitions() {
        return ContractTransition.<ContractTransition>listAll().stream().map(t -> t.contractId).toList();
    }

    @GET
    @Path("/organizations")
    @Operation(hidden = true)
    public List<UUID> organizations() {
        return Organization.<Organization>listAll().stream().map(o -> o.id).toList();
    }

    @GET
    @Path("/services")
    @Operation(hidden = true)
    public List<UUID> services() {
        return VendorService.<VendorService>listAll().stream().map(s -> s.organizationId).toList();
    }
}
