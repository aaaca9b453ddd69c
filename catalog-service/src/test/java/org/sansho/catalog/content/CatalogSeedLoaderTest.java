package org.sansho.catalog.content;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.sansho.catalog.events.CatalogEventTypes;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start's content load on a real database: read when it changed, skipped when it is the one loaded last. */
@QuarkusTest
class CatalogSeedLoaderTest {

    private static final Supplier<CatalogContent> NOT_TO_BE_READ = () -> {
        throw new AssertionError("the content was read again");
    };

    @Inject
    CatalogSeedLoader loader;

    @Inject
    EntityManager em;

    @Test
    void the_start_remembered_the_digest_of_the_bundled_content() {
        Optional<String> bundled = CatalogContentDigest.ofBundledContent();

        assertThat(bundled).get().asString().matches("[0-9a-f]{64}");
        assertThat(CatalogContentDigest.ofBundledContent()).isEqualTo(bundled);
        assertThat(loader.loadedDigest()).isEqualTo(bundled);
    }

    @Test
    void a_start_with_the_content_loaded_last_reads_nothing() {
        assertThat(loader.loadIfChanged(CatalogContentDigest.ofBundledContent(), NOT_TO_BE_READ)).isFalse();
    }

    @Test
    void changed_content_is_read_once_and_invalid_content_changes_nothing() {
        Optional<String> bundled = loader.loadedDigest();
        String changed = "1".repeat(64);
        long versions = count("select count(*) from guideline_version");
        long requirements = count("select count(*) from requirement");
        try {
            // Content that fails its check stops the start, and the digest of what was loaded stays.
            assertThatThrownBy(() -> loader.loadIfChanged(Optional.of("0".repeat(64)), () -> {
                throw new CatalogContentException(List.of("versions/x/1.yaml: at sections[0]: broken"));
            })).isInstanceOf(CatalogContentException.class);
            assertThat(loader.loadedDigest()).isEqualTo(bundled);

            AtomicInteger reads = new AtomicInteger();
            assertThat(loader.loadIfChanged(Optional.of(changed), () -> {
                reads.incrementAndGet();
                return CatalogContentValidator.readValid();
            })).isTrue();
            assertThat(reads).hasValue(1);
            assertThat(loader.loadedDigest()).contains(changed);
            // The same files again: what they hold is there already, so nothing is added.
            assertThat(count("select count(*) from guideline_version")).isEqualTo(versions);
            assertThat(count("select count(*) from requirement")).isEqualTo(requirements);

            assertThat(loader.loadIfChanged(Optional.of(changed), NOT_TO_BE_READ)).isFalse();
        } finally {
            loader.loadIfChanged(bundled, CatalogContentValidator::readValid);
        }
        assertThat(loader.loadedDigest()).isEqualTo(bundled);
    }

    @Test
    void content_without_a_digest_is_always_read_and_leaves_the_digest_as_it_was() {
        Optional<String> before = loader.loadedDigest();
        AtomicInteger reads = new AtomicInteger();

        for (int i = 0; i < 2; i++) {
            assertThat(loader.loadIfChanged(Optional.empty(), () -> {
                reads.incrementAndGet();
                return CatalogContentValidator.readValid();
            })).isTrue();
        }

        assertThat(reads).hasValue(2);
        assertThat(loader.loadedDigest()).isEqualTo(before);
    }

    @Test
    void a_release_that_corrects_a_seed_version_replaces_its_content_and_announces_what_changed() {
        Optional<String> bundled = loader.loadedDigest();
        CatalogContent shipped = CatalogContentValidator.readValid();
        String fileKey = "mic-cloud-medical/1.0";
        CatalogContent.VersionFile file = shipped.versionFiles().get(fileKey);
        List<CatalogContent.SectionEntry> sections = new ArrayList<>(file.sections());
        CatalogContent.SectionEntry first = sections.stream().filter(s -> s.requirements().size() >= 2).findFirst()
                .orElseThrow();
        Requirement retitled = first.requirements().get(0);
        Requirement dropped = first.requirements().get(1);
        List<Requirement> corrected = new ArrayList<>(first.requirements());
        corrected.set(0, new Requirement(retitled.key(), retitled.sectionNumber(), retitled.ref(),
                new LocalizedText("訂正後の表題", "Corrected title"), retitled.summary(), retitled.obligation(),
                retitled.category(), retitled.phases(), retitled.party(), retitled.serviceModels(),
                retitled.dataCategories(), retitled.threats(), retitled.evidence(), retitled.citation(),
                retitled.guidance(), retitled.verification(), retitled.unverifiedReason(), retitled.status()));
        corrected.remove(dropped);
        String addedKey = "MICC10-CORRECTION-TEST";
        corrected.add(new Requirement(addedKey, first.number(), "§ test", new LocalizedText("追加", "Added"),
                new LocalizedText("訂正で加わった要求", "A requirement the correction adds"), retitled.obligation(),
                retitled.category(), retitled.phases(), retitled.party(), List.of(), List.of(), List.of(), List.of(),
                retitled.citation(), List.of(), Verification.UNVERIFIED, "test content", null));
        sections.set(sections.indexOf(first), new CatalogContent.SectionEntry(first.number(), first.parent(),
                first.title(), corrected));
        Map<String, CatalogContent.VersionFile> files = new LinkedHashMap<>(shipped.versionFiles());
        files.put(fileKey, CatalogContent.VersionFile.of(file.guideline(), file.version(), sections));
        Mapping removedMapping = shipped.mappings().get(0);
        DisclosureTemplate template = shipped.templates().get(0);
        List<DisclosureTemplate.Item> items = new ArrayList<>(template.items());
        DisclosureTemplate.Item item = items.get(0);
        items.set(0, new DisclosureTemplate.Item(item.ref(), new LocalizedText("訂正", "Corrected"),
                item.requirements(), item.party(), item.verification(), item.page()));
        CatalogContent release = new CatalogContent(shipped.guidelines(), files,
                shipped.mappings().subList(1, shipped.mappings().size()), shipped.threats(),
                List.of(new DisclosureTemplate(template.id(), template.kind(), template.title(), template.source(),
                        items)));
        long revisedBefore = count("select count(*) from outbox_event where type = '"
                + CatalogEventTypes.VERSION_REVISED + "'");
        try {
            assertThat(loader.loadIfChanged(Optional.of("2".repeat(64)), () -> release)).isTrue();

            assertThat(titleOf(retitled.key())).isEqualTo("Corrected title");
            assertThat(count("select count(*) from requirement where key = '" + dropped.key() + "'")).isZero();
            assertThat(count("select count(*) from requirement where key = '" + addedKey + "'")).isOne();
            assertThat(count("select count(*) from requirement_mapping where defined_in is null and from_key = '"
                    + removedMapping.from() + "' and to_key = '" + removedMapping.to() + "'")).isZero();
            assertThat(text("select text_en from disclosure_template_item where template_id = '" + template.id()
                    + "' and position = 0")).isEqualTo("Corrected");
            assertThat(count("select count(*) from outbox_event where type = '" + CatalogEventTypes.VERSION_REVISED
                    + "'")).isEqualTo(revisedBefore + 1);
            String latest = "from outbox_event where type = '" + CatalogEventTypes.VERSION_REVISED
                    + "' order by seq desc limit 1";
            assertThat(text("select payload->'data'->>'version' " + latest)).isEqualTo("1.0");
            assertThat(text("select payload->'data'->>'addedKeys' " + latest)).isEqualTo("[\"" + addedKey + "\"]");
            assertThat(text("select payload->'data'->>'removedKeys' " + latest))
                    .isEqualTo("[\"" + dropped.key() + "\"]");
            assertThat(text("select payload->'data'->>'changedKeys' " + latest))
                    .isEqualTo("[\"" + retitled.key() + "\"]");
            assertThat(count("select count(*) from audit_record where action = 'guideline-version.content-revised' "
                    + "and entity_id = '" + fileKey + "'")).isPositive();
        } finally {
            loader.loadIfChanged(bundled, CatalogContentValidator::readValid);
        }
        // The shipped content again: the version is as the files hold it, with its removed requirement back.
        assertThat(titleOf(retitled.key())).isEqualTo(retitled.title().en());
        assertThat(count("select count(*) from requirement where key = '" + addedKey + "'")).isZero();
        assertThat(count("select count(*) from requirement where key = '" + dropped.key() + "'")).isOne();
        assertThat(count("select count(*) from requirement_mapping where defined_in is null"))
                .isEqualTo(shipped.mappings().size());
    }

    private String titleOf(String key) {
        return text("select title_en from requirement where key = '" + key + "'");
    }

    private String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
