package org.sansho.assessment.catalog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.sansho.servicetoken.ServiceToken;

import java.time.temporal.ChronoUnit;

/**
 * The catalog-service's applicability API and the mappings between requirement keys. Published guideline versions are immutable, so reading them over
 * REST (rather than keeping a copy) is safe; every call is bounded by a timeout, retried a little, and a circuit
 * breaker stops hammering a catalog that is down; a 4xx answer ({@link CatalogRefusal}) is neither retried nor
 * counted by the breaker, since the catalog is up. Callers treat a failure as "try again later". Each call carries
 * this service's own bearer token ({@link ServiceToken}).
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
@RegisterClientHeaders(ServiceToken.class)
@RegisterProvider(CatalogRefusal.Mapper.class)
public interface CatalogClient {

    @POST
    @Path("/applicability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = CatalogRefusal.class)
    ApplicableRequirements applicability(ApplicabilityRequest request);

    /** The mappings touching a version's keys, of the relations named (comma-separated). */
    @GET
    @Path("/guidelines/{guidelineId}/versions/{version}/mappings")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = CatalogRefusal.class)
    RequirementMappings mappings(@PathParam("guidelineId") String guidelineId, @PathParam("version") String version,
                                 @QueryParam("relation") String relations);
}
