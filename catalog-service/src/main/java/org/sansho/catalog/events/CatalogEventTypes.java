package org.sansho.catalog.events;

/** The CloudEvents types catalog-service publishes on catalog.events (docs/asyncapi.yaml). Key = guideline id. */
public final class CatalogEventTypes {

    public static final String AGGREGATE = "guideline";
    public static final String VERSION_PUBLISHED = "org.sansho.catalog.guideline-version.published.v1";
    public static final String VERSION_SUPERSEDED = "org.sansho.catalog.guideline-version.superseded.v1";

    private CatalogEventTypes() {
    }
}
