package org.sansho.servicetoken;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.JwtTestResource;
import org.sansho.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Without an OpenID provider (./sansho, the tests) a service signs its token itself with its configured key, as the
 * service the application is named after ({@code quarkus.application.name} of this module's tests), and reuses it.
 * (The services' tests call the running catalog with it; the token from a provider is tested in the
 * assessment-service, ServiceTokenFromProviderTest.)
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
class ServiceTokenTest {

    @Inject
    ServiceToken serviceToken;

    @ConfigProperty(name = "quarkus.oidc-client.client-id")
    String clientId;

    @Test
    void without_a_provider_the_token_is_signed_with_the_services_own_key_and_reused() throws Exception {
        assertThat(serviceToken.fromProvider()).isFalse();
        String bearer = serviceToken.bearer().await().indefinitely();
        assertThat(bearer).startsWith("Bearer ");

        JwtClaims token = new JwtConsumerBuilder().setVerificationKey(TestTokens.keys().getPublic())
                .setExpectedIssuer(TestTokens.ISSUER).setRequireExpirationTime().build()
                .processToClaims(bearer.substring("Bearer ".length()));
        assertThat(token.getSubject()).isEqualTo("calling-service");
        assertThat(token.getStringListClaimValue("groups")).containsExactly("service");
        assertThat(Instant.ofEpochSecond(token.getExpirationTime().getValue()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(30)));
        assertThat(serviceToken.bearer().await().indefinitely()).isEqualTo(bearer);
    }

    @Test
    void the_client_at_the_openid_provider_is_named_after_the_service_too() {
        assertThat(clientId).isEqualTo("calling-service");
    }
}
