package org.sansho.catalog.events;

/** The CloudEvents types catalog-service publishes on catalog.events (docs/asyncapi.yaml). Key = guideline id. */
public final class CatalogEventTypes {

    public static final String AGGREGATE = "guideline";
    public static final String VERSION_PUBLISHED = "org.sansho.catalog.guideline-version.published.v1";
    public static final String VERSION_SUPERSEDED = "org.sansho.catalog.guideline-version.superseded.v1";
    /** A published version's transcription was corrected by a release of the catalog's content. */
    public static final String VERSION_REVISED = "org.sansho.catalog.guideline-version.revised.v1";

    private CatalogEventTypes() {
    }
}
