package org.sansho.webhook.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sansho.platform.security.Roles;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;
import org.sansho.webhook.subscriptions.persistence.EndpointSecret;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

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
    @Path("/endpoints")
    @Operation(hidden = true)
    public List<Map<String, UUID>> endpoints() {
        return WebhookEndpoint.<WebhookEndpoint>listAll().stream()
                .map(e -> Map.of("id", e.id, "organizationId", e.organizationId)).toList();
    }

    @GET
    @Path("/endpoints-hql")
    @Operation(hidden = true)
    public List<UUID> endpointsByHql() {
        return em.createQuery("select e.id from WebhookEndpoint e", UUID.class).getResultList();
    }

    @GET
    @Path("/endpoints/{id}")
    @Operation(hidden = true)
    public Map<String, Boolean> endpoint(@PathParam("id") UUID id) {
        return Map.of("found", WebhookEndpoint.findById(id) != null,
                "foundByEm", em.find(WebhookEndpoint.class, id) != null);
    }

    @GET
    @Path("/secrets")
    @Operation(hidden = true)
    public List<UUID> secrets() {
        return EndpointSecret.<EndpointSecret>listAll().stream().map(s -> s.endpointId).toList();
    }

    @GET
    @Path("/deliveries")
    @Operation(hidden = true)
    public List<UUID> deliveries() {
        return Delivery.<Delivery>listAll().stream().map(d -> d.endpointId).toList();
    }

    @GET
    @Path("/deliveries/{id}")
    @Operation(hidden = true)
    public Map<String, Boolean> delivery(@PathParam("id") UUID id) {
        return Map.of("found", Delivery.findById(id) != null);
    }

    @GET
    @Path("/attempts")
    @Operation(hidden = true)
    public List<UUID> attempts() {
        return DeliveryAttempt.<DeliveryAttempt>listAll().stream().map(a -> a.deliveryId).toList();
    }
}
