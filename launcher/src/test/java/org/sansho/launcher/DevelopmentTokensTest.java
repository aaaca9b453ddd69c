package org.sansho.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentTokensTest {

    @TempDir
    Path data;

    @Test
    void the_key_pair_is_generated_once_and_found_again() throws Exception {
        DevelopmentKeys first = DevelopmentKeys.load(data);
        DevelopmentKeys second = DevelopmentKeys.load(data);
        assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
    }

    @Test
    void a_minted_token_carries_role_and_organization_and_verifies_with_the_public_key() throws Exception {
        DevelopmentKeys keys = DevelopmentKeys.load(data);
        UUID org = UUID.randomUUID();
        String token = DevelopmentTokens.mint(keys.privateKey(), Settings.DEFAULT_ISSUER, "procurement", org,
                "alice", Duration.ofHours(1));

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"org\":\"" + org + "\"").contains("\"procurement\"")
                .contains("\"iss\":\"" + Settings.DEFAULT_ISSUER + "\"");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void an_unknown_role_is_refused() throws Exception {
        DevelopmentKeys keys = DevelopmentKeys.load(data);
        assertThatThrownBy(() -> DevelopmentTokens.mint(keys.privateKey(), Settings.DEFAULT_ISSUER, "root", null,
                "x", Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
