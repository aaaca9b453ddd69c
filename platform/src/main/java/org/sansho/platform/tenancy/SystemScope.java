package org.sansho.platform.tenancy;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method as system work that sees every organization ({@link Tenancy#system}): for scheduled jobs and
 * other entry points that no request's caller starts. The value names the work, e.g.
 * {@code contract-service.reminders}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SystemScope {

    /** What the work is, for the log and for the error a forgotten scope raises. */
    @Nonbinding
    String value();
}
