package org.sansho.platform.schema;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migrates a service's database at start, in two sets that each keep their own Flyway history, so that neither
 * ever needs out-of-order: first the platform's tables ({@code db/platform}, versions 0.x, history
 * {@value #PLATFORM_HISTORY}), then the service's own ({@code db/migration}, 1 and up, Flyway's default history,
 * configured by {@code quarkus.flyway.*}). A platform migration added later than a service's is then simply the
 * next one of its own set.
 *
 * <p>A database migrated before the sets were separated holds the platform's 0.x rows in the service's history
 * ({@code flyway_schema_history}, applied out of order). The first start on it moves those rows, as they are (same
 * checksums, same times), into the platform's history before either set is migrated ({@link #adoptPlatformRows}).
 */
@ApplicationScoped
public class SchemaMigrations {

    public static final String PLATFORM_HISTORY = "platform_schema_history";
    public static final String PLATFORM_LOCATION = "classpath:db/platform";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    /** Serialises the adoption across instances starting together; Flyway locks its own migrations. */
    private static final long ADOPTION_LOCK = 0x5a45_4d49_4752L;

    private final DataSource dataSource;
    private final Flyway service;
    private final boolean atStart;

    public SchemaMigrations(DataSource dataSource, Flyway service,
                            @ConfigProperty(name = "sansho.schema.migrate-at-start", defaultValue = "true")
                            boolean atStart) {
        this.dataSource = dataSource;
        this.service = service;
        this.atStart = atStart;
    }

    /** Before anything else of the service starts: consumers, the relay, the seed loader, the HTTP port. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ignored) {
        if (atStart) {
            migrate(dataSource, service);
        }
    }

    /** Adopts the platform's rows of an older database if needed, then migrates the platform's set and the service's. */
    public static void migrate(DataSource dataSource, Flyway service) {
        adoptPlatformRows(dataSource, service.getConfiguration().getTable());
        // Each set starts its history on a schema the other set may have filled already: a missing history is begun
        // below the set's first version (0), so that every migration of the set is applied, none skipped.
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(PLATFORM_LOCATION)
                .table(PLATFORM_HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Moves the platform's rows (versions 0.x) from the service's history into a new platform history, once.
     *
     * @return whether rows were moved
     */
    static boolean adoptPlatformRows(DataSource dataSource, String serviceHistory) {
        if (!serviceHistory.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain table name: " + serviceHistory);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                s.execute("select pg_advisory_xact_lock(" + ADOPTION_LOCK + ")");
                int moved = 0;
                if (!exists(s, PLATFORM_HISTORY) && exists(s, serviceHistory)) {
                    try (ResultSet rs = s.executeQuery(
                            "select count(*) from " + serviceHistory + " where version like '0.%'")) {
                        rs.next();
                        moved = rs.getInt(1);
                    }
                    if (moved > 0) {
                        s.execute("create table " + PLATFORM_HISTORY + " (like " + serviceHistory + " including all)");
                        s.execute("insert into " + PLATFORM_HISTORY + " select * from " + serviceHistory
                                + " where version like '0.%'");
                        s.execute("delete from " + serviceHistory + " where version like '0.%'");
                    }
                }
                c.commit();
                if (moved > 0) {
                    LOG.infof("Moved the platform's %d migrations from %s to %s", moved, serviceHistory,
                            PLATFORM_HISTORY);
                }
                return moved > 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not adopt the platform's schema history: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
