package org.sansho.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the schema of an event payload in docs/asyncapi.yaml ({@code components/schemas/<value>}). An event
 * published with such a payload carries it as its CloudEvents {@code dataschema}:
 * {@value CloudEvent#DATA_SCHEMA_BASE}{@code <value>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataSchema {

    /** The schema's name under {@code components/schemas}, with its version, e.g. {@code ContractStateChangedV1}. */
    String value();
}
