package org.sansho.catalog.applicability.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

    @Test
    void gzip_is_taken_when_named_or_starred_with_a_quality_above_zero() {
        assertThat(AcceptEncoding.gzip("gzip")).isTrue();
        assertThat(AcceptEncoding.gzip("br, GZIP;q=0.8, deflate")).isTrue();
        assertThat(AcceptEncoding.gzip("*")).isTrue();
        assertThat(AcceptEncoding.gzip("x-gzip")).isTrue();
        assertThat(AcceptEncoding.gzip(null)).isFalse();
        assertThat(AcceptEncoding.gzip("")).isFalse();
        assertThat(AcceptEncoding.gzip("identity")).isFalse();
        assertThat(AcceptEncoding.gzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.gzip("gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.gzip("gzip;q=zero")).isFalse();
    }

    @Test
    void the_compressed_form_decompresses_to_the_same_bytes() throws IOException {
        byte[] plain = "{\"requirements\":[]}".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = AcceptEncoding.compress(plain);
        assertThat(compressed.length).isLessThan(plain.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }
}
