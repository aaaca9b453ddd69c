package org.sansho.platform.security;

/** The roles a token may carry (claim {@code groups}). */
public final class Roles {
    /** Maintains the guideline catalog. */
    public static final String CATALOG_ADMIN = "catalog-admin";
    /** Hospital staff who procure and manage vendor contracts for their hospital. */
    public static final String PROCUREMENT = "procurement";
    /** A vendor's staff, acting for their own organization only. */
    public static final String VENDOR = "vendor";
    /** Read-only access to every record of the auditor's own organization. */
    public static final String AUDITOR = "auditor";
    /** Service-to-service calls inside the suite. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
