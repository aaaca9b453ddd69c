package org.sansho.assessment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.sansho.testsupport.ServiceProcess;

import java.util.Map;

/**
 * The packaged catalog-service, running as its own JVM with its own database on the test PostgreSQL server and the
 * test broker: the assessment service reads the applicable requirements from it for real, and its publications
 * arrive on catalog.events. Tests may kill and restart it to prove that an outage only delays an opening.
 */
public class CatalogTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess catalog;

    public static ServiceProcess catalog() {
        return catalog;
    }

    @Override
    public Map<String, String> start() {
        catalog = ServiceProcess.start("catalog-service", "catalog", Map.of());
        return Map.of("quarkus.rest-client.catalog.url", catalog.baseUrl());
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }
}
