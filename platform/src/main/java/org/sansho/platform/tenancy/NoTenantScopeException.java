package org.sansho.platform.tenancy;

/**
 * A tenant-filtered table was read with no request caller and no declared system scope: a programming error
 * (background work that forgot {@link Tenancy#system} or {@link SystemScope}), never answered with all rows or
 * with none.
 */
public class NoTenantScopeException extends IllegalStateException {

    public NoTenantScopeException(String message) {
        super(message);
    }
}
