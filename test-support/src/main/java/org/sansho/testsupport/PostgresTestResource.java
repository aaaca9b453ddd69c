package org.sansho.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service under test at its own database on the shared test PostgreSQL server.
 * Init arg {@code database}: the service's database name (one database per service).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "sansho";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres pg = TestPostgres.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.database(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password());
    }

    @Override
    public void stop() {
        // The server lives for the whole test JVM and is stopped by its shutdown hook.
    }
}
