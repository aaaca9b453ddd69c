package org.sansho.catalog.content;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogContentDigestTest {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_digest_depends_on_every_path_and_every_byte_but_not_on_the_order_listed() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("catalog/guidelines.yaml", text("guidelines: []"));
        files.put("catalog/versions/g/1.yaml", text("sections: []"));
        Map<String, byte[]> reversed = new LinkedHashMap<>();
        reversed.put("catalog/versions/g/1.yaml", text("sections: []"));
        reversed.put("catalog/guidelines.yaml", text("guidelines: []"));

        String digest = CatalogContentDigest.of(files);

        assertThat(digest).matches("[0-9a-f]{64}");
        assertThat(CatalogContentDigest.of(reversed)).isEqualTo(digest);
        assertThat(CatalogContentDigest.of(Map.of("catalog/guidelines.yaml", text("guidelines: []"),
                "catalog/versions/g/2.yaml", text("sections: []")))).isNotEqualTo(digest);
        assertThat(CatalogContentDigest.of(Map.of("catalog/guidelines.yaml", text("guidelines: []"),
                "catalog/versions/g/1.yaml", text("sections: [ ]")))).isNotEqualTo(digest);
        // A byte moved from one file to the next is another content, though the bytes in a row are the same.
        assertThat(CatalogContentDigest.of(Map.of("catalog/a", text("ab"), "catalog/b", text("c"))))
                .isNotEqualTo(CatalogContentDigest.of(Map.of("catalog/a", text("a"), "catalog/b", text("bc"))));
    }

    @Test
    void the_bundled_content_is_found_and_its_digest_is_stable() {
        assertThat(CatalogContentDigest.ofBundledContent()).get().asString().matches("[0-9a-f]{64}");
        assertThat(CatalogContentDigest.ofBundledContent()).isEqualTo(CatalogContentDigest.ofBundledContent());
    }
}
