package org.sansho.assessment.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an OpenID provider (./sansho, the tests) the service signs its token itself with its configured key; the
 * running catalog of the other tests accepts it (AssessmentOpeningTest opens assessments from its answers).
 */
@QuarkusTest
class ServiceTokenTest {

    @Inject
    ServiceToken serviceToken;

    @Inject
    JWTParser parser;

    @Test
    void without_a_provider_the_token_is_signed_with_the_services_own_key_and_reused() throws Exception {
        assertThat(serviceToken.fromProvider()).isFalse();
        String bearer = serviceToken.bearer().await().indefinitely();
        assertThat(bearer).startsWith("Bearer ");

        JsonWebToken token = parser.verify(bearer.substring("Bearer ".length()), TestTokens.keys().getPublic());
        assertThat(token.getSubject()).isEqualTo(ServiceToken.SUBJECT);
        assertThat(token.getGroups()).containsExactly(Roles.SERVICE);
        assertThat(token.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(serviceToken.bearer().await().indefinitely()).isEqualTo(bearer);
    }
}
