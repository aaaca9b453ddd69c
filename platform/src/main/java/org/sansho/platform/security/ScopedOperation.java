package org.sansho.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that a scoped token ({@link TokenScope}) may call: the token must name the operation
 * {@link #value()} and the record in the parameter {@link #pathParameter()} must be the token's record. A method
 * without this annotation is refused to every scoped token (403), whatever its roles.
 *
 * <p>An operation on a record inside the token's record (an assessment of the token's contract) names that
 * record's kind in {@link #record()}: the service's {@link ScopedGrants#ownerOf} tells which record of
 * {@link #kind()} it belongs to, and one that belongs to another (or to none) is not found. A list filtered to the
 * token's record names its filter with {@link #query()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ScopedOperation {

    /** The operation's name in a token's scope, e.g. {@code disclosure.answer}. */
    String value();

    /** The kind of record the token's scope names, e.g. {@code contract}. */
    String kind() default "contract";

    /** The parameter that holds the record's id: a path parameter, or a query parameter with {@link #query()}. */
    String pathParameter() default "id";

    /**
     * The kind of record the parameter names when it is not the token's record itself but one inside it, e.g.
     * {@code assessment} (of a contract); empty: the parameter names the token's record.
     */
    String record() default "";

    /** Whether {@link #pathParameter()} is a query parameter (a list filtered to the token's record). */
    boolean query() default false;
}
