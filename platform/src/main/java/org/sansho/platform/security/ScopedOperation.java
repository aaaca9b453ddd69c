package org.sansho.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that a scoped token ({@link TokenScope}) may call: the token must name the operation
 * {@link #value()} and the record in the path parameter {@link #pathParameter()} must be the token's record. A method
 * without this annotation is refused to every scoped token (403), whatever its roles.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ScopedOperation {

    /** The operation's name in a token's scope, e.g. {@code disclosure.answer}. */
    String value();

    /** The kind of record the operation acts on, as a token's scope names it. */
    String kind() default "contract";

    /** The path parameter that holds the record's id. */
    String pathParameter() default "id";
}
