package org.sansho.catalog.content;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
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

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
