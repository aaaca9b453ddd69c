package org.sansho.contract.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.sansho.servicetoken.ServiceToken;

import java.time.temporal.ChronoUnit;

/**
 * The catalog-service's disclosure templates: the list (vendor guideline 表4-1, the JAHIS SDS headings), read when a
 * contract's disclosure package starts, which copies the rows in; and one template by id, for the 2024 role-sharing
 * checklist (確認表) that a contract's responsibility split is built from. Every call is bounded by a timeout, retried a little, and a
 * circuit breaker stops hammering a catalog that is down. Each call carries this service's own bearer token
 * ({@link ServiceToken}).
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
@RegisterClientHeaders(ServiceToken.class)
public interface CatalogClient {

    @GET
    @Path("/disclosure-templates")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    DisclosureTemplatePage disclosureTemplates(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/disclosure-templates/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    RoleSharingTemplateDocument template(@PathParam("id") String id);
}
