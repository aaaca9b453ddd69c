package org.sansho.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A service's {@code audit_record} table seen from the database side, for what no API of the service may do:
 * count the rows, try to change them as the application's user would (the table's trigger refuses), and change
 * one anyway as the table's owner can (switching the trigger off for one transaction), so that a test shows
 * {@code GET /api/v1/audit/verify} naming the altered row.
 */
public final class AuditTable {

    private static final String GUARD = "audit_record_no_update_or_delete";

    private final DataSource dataSource;

    public AuditTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The number of audit records. */
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from audit_record")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (at most 30 s) until every committed audit record is linked into the chain: records are sealed
     * right after their commit, by a background sealer, and listed and verified from then on.
     */
    public void awaitSealed() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from audit_record where seq is null")) {
                r.next();
                if (r.getLong(1) == 0) {
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("audit records were still unsealed after 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Whether the database refuses {@code statement} (an UPDATE, DELETE or TRUNCATE of the trail); it is rolled
     * back either way.
     */
    public boolean refuses(String statement) {
        try {
            inTransaction(false, statement);
            return false;
        } catch (IllegalStateException refused) {
            return true;
        }
    }

    /** Runs {@code statement} with the append-only guard switched off, in one transaction, as an owner could. */
    public void tamper(String statement) {
        inTransaction(true, "alter table audit_record disable trigger " + GUARD, statement,
                "alter table audit_record enable trigger " + GUARD);
    }

    private void inTransaction(boolean commit, String... statements) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
