package org.sansho.contract;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.sansho.testsupport.ServiceProcess;

import java.util.Map;

/**
 * The packaged catalog-service, running as its own JVM with its own database on the test PostgreSQL server and the
 * test broker: disclosure packages take their rows from its real disclosure templates, the responsibility split is
 * checked against its real role-sharing checklist (確認表), and its publications arrive on catalog.events.
 */
public class CatalogTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess catalog;

    public static ServiceProcess catalog() {
        return catalog;
    }

    @Override
    public Map<String, String> start() {
        catalog = ServiceProcess.start("catalog-service", "contract_catalog", Map.of());
        return Map.of("quarkus.rest-client.catalog.url", catalog.baseUrl());
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }
}
