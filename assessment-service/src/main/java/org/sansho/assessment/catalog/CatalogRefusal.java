package org.sansho.assessment.catalog;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The catalog answered, and refused the request (a 4xx: an unknown guideline or version, an invalid query). The
 * catalog is up: such an answer is not retried and does not count towards the circuit breaker, so assessments
 * whose baseline the catalog cannot resolve do not keep the breaker open for every other assessment.
 */
public class CatalogRefusal extends RuntimeException {

    private final int status;

    public CatalogRefusal(int status) {
        super("the catalog refused the request with HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Turns the catalog's 4xx answers into a {@link CatalogRefusal}; 5xx stay failures of the catalog. */
    public static class Mapper implements ResponseExceptionMapper<CatalogRefusal> {

        @Override
        public CatalogRefusal toThrowable(Response response) {
            return new CatalogRefusal(response.getStatus());
        }

        @Override
        public boolean handles(int status, MultivaluedMap<String, Object> headers) {
            return status >= 400 && status < 500;
        }
    }
}
