package org.sansho.contract.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.platform.tenancy.SystemScope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the catalog's guideline list once after start-up, so that versions published before this service first
 * consumed catalog.events (or while its topic was compacted away) are known too; from then on the events keep
 * {@link PublishedVersions} current. A catalog that cannot be reached is tried again every
 * {@code sansho.catalog.versions-retry} until one read succeeds; until then the events alone fill the table.
 */
@ApplicationScoped
@SystemScope("contract-service.catalog-versions")
public class PublishedVersionsLoader {

    private static final Logger LOG = Logger.getLogger(PublishedVersionsLoader.class);
    private static final int PAGE_SIZE = 100;

    private final CatalogVersionsClient catalog;
    private final PublishedVersions versions;
    private final AtomicBoolean loaded = new AtomicBoolean();

    public PublishedVersionsLoader(@RestClient CatalogVersionsClient catalog, PublishedVersions versions) {
        this.catalog = catalog;
        this.versions = versions;
    }

    @Scheduled(every = "${sansho.catalog.versions-retry}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void untilLoaded() {
        if (!loaded.get()) {
            load();
        }
    }

    /** Reads every page of the catalog's guidelines and records their versions; false when the catalog failed. */
    public boolean load() {
        List<CatalogVersionsClient.Version> all = new ArrayList<>();
        try {
            for (int page = 0; ; page++) {
                CatalogVersionsClient.GuidelinePage p = catalog.guidelines(page, PAGE_SIZE);
                p.items().forEach(g -> all.addAll(g.versions() == null ? List.of() : g.versions()));
                if (p.items().size() < PAGE_SIZE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.infof("the catalog's guideline list could not be read (%s); trying again later", e.toString());
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> all.stream()
                .filter(v -> PublishedVersions.PUBLISHED.equals(v.status())
                        || PublishedVersions.SUPERSEDED.equals(v.status()))
                .forEach(v -> versions.record(new VersionRef(v.guidelineId(), v.version()), v.status(),
                        new PublishedVersionContent(null, v.hasContent()))));
        loaded.set(true);
        LOG.infof("read %d guideline versions from the catalog", all.size());
        return true;
    }
}
