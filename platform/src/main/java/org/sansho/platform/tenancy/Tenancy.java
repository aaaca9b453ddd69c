package org.sansho.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import org.sansho.platform.security.Caller;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Tenancy, enforced below the resources: every table that holds an organization's records carries the Hibernate
 * filter {@value #FILTER} (defined in this package's {@code package-info}), which is enabled in every session, also
 * applies to a load by id ({@code find}, {@code findById}), and takes its parameters from the current
 * {@link TenantScope}. A query written without any tenancy clause, or a load of another organization's row by its
 * id, therefore finds only what the caller may see; what it may not see is as absent as a row that does not exist.
 *
 * <p>The scope is, in this order: the system scope declared on the current thread ({@link #system},
 * {@link SystemScope}), or the current request's authenticated {@link Caller}. With neither, reading a filtered
 * table throws {@link NoTenantScopeException}: work that no caller started (event consumers, scheduled jobs,
 * background loops) must say that it acts for the system, and a forgotten declaration fails loudly instead of
 * seeing everything or silently nothing. The inbox and {@code WakeableLoop} declare it for their handlers.
 *
 * <p>Hibernate filters do not apply to native SQL. A native query of a filtered table is either system work on
 * purpose or restricted by hand with {@link #current()}; docs/architecture.md lists each.
 */
public final class Tenancy {

    /** The filter each tenant-scoped entity declares with its own condition over the parameters below. */
    public static final String FILTER = "tenant";
    /** Boolean: the scope sees every organization. */
    public static final String ALL_ORGANIZATIONS = "allOrganizations";
    /** UUID or null: the caller's organization, whatever its roles. */
    public static final String ORGANIZATION = "organization";
    /** UUID or null: the organization whose hospital-side records are seen. */
    public static final String HOSPITAL_ORGANIZATION = "hospitalOrganization";
    /** UUID or null: the organization whose vendor-side records are seen. */
    public static final String VENDOR_ORGANIZATION = "vendorOrganization";

    /**
     * The usual condition of a record between a hospital and a vendor with columns {@code hospital_id} and
     * {@code vendor_id}.
     */
    public static final String PARTIES_CONDITION = "(:" + ALL_ORGANIZATIONS + " or hospital_id = :"
            + HOSPITAL_ORGANIZATION + " or vendor_id = :" + VENDOR_ORGANIZATION + ")";

    private static final ThreadLocal<String> SYSTEM_WORK = new ThreadLocal<>();

    private Tenancy() {
    }

    /** The scope of the current unit of work; throws {@link NoTenantScopeException} when there is none. */
    public static TenantScope current() {
        if (SYSTEM_WORK.get() != null) {
            return TenantScope.ALL;
        }
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            try (InstanceHandle<Caller> caller = container.instance(Caller.class)) {
                if (caller.isAvailable() && caller.get().isAuthenticated()) {
                    return TenantScope.of(caller.get());
                }
            }
        }
        throw new NoTenantScopeException("No tenancy scope: a tenant-filtered table was read outside a request "
                + "with an authenticated caller and outside declared system work (Tenancy.system or @SystemScope)");
    }

    /** Whether the current thread runs declared system work. */
    public static boolean isSystem() {
        return SYSTEM_WORK.get() != null;
    }

    /**
     * Runs {@code work} as system work that sees every organization, e.g. an event consumer applying a fact of any
     * contract, or a uniqueness check that must find every organization's rows.
     *
     * @param name what the work is, e.g. {@code contract-service.reminders}
     */
    public static <T> T system(String name, Supplier<T> work) {
        String outer = enter(name);
        try {
            return work.get();
        } finally {
            restore(outer);
        }
    }

    /** The same, for work without a result. */
    public static void system(String name, Runnable work) {
        String outer = enter(name);
        try {
            work.run();
        } finally {
            restore(outer);
        }
    }

    static String enter(String name) {
        String outer = SYSTEM_WORK.get();
        SYSTEM_WORK.set(name == null || name.isBlank() ? "system" : name);
        return outer;
    }

    static void restore(String outer) {
        if (outer == null) {
            SYSTEM_WORK.remove();
        } else {
            SYSTEM_WORK.set(outer);
        }
    }

    /** Resolves {@value #ALL_ORGANIZATIONS} for the filter. */
    public static final class AllOrganizations implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            return current().allOrganizations();
        }
    }

    /** Resolves {@value #ORGANIZATION} for the filter. */
    public static final class Organization implements Supplier<UUID> {
        @Override
        public UUID get() {
            return current().organization();
        }
    }

    /** Resolves {@value #HOSPITAL_ORGANIZATION} for the filter. */
    public static final class HospitalOrganization implements Supplier<UUID> {
        @Override
        public UUID get() {
            return current().hospitalOrganization();
        }
    }

    /** Resolves {@value #VENDOR_ORGANIZATION} for the filter. */
    public static final class VendorOrganization implements Supplier<UUID> {
        @Override
        public UUID get() {
            return current().vendorOrganization();
        }
    }
}
