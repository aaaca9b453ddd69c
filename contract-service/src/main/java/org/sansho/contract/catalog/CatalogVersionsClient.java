package org.sansho.contract.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.sansho.servicetoken.ServiceToken;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The catalog-service's guideline list, read at start-up to learn which versions are published before any event of
 * them arrives. Bounded by a timeout and retried a little; a failed read is tried again later
 * ({@link PublishedVersionsLoader}). Each call carries this service's own bearer token ({@link ServiceToken}, shared with the CatalogClient).
 */
@RegisterRestClient(configKey = "catalog-versions")
@Path("/api/v1/guidelines")
@RegisterClientHeaders(ServiceToken.class)
public interface CatalogVersionsClient {

    /** One page of guidelines with their versions (the catalog's {@code Page<Guideline>}; other fields ignored). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record GuidelinePage(List<Guideline> items, int page, int size, long totalItems) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Guideline(String id, List<Version> versions) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Version(String guidelineId, String version, LocalDate publishedOn, String status, boolean hasContent) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 200)
    GuidelinePage guidelines(@QueryParam("page") int page, @QueryParam("size") int size);
}
