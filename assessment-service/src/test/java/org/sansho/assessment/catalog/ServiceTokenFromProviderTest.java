package org.sansho.assessment.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.servicetoken.ServiceToken;
import org.sansho.testsupport.JwtTestResource;
import org.sansho.testsupport.KafkaTestResource;
import org.sansho.testsupport.PostgresTestResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OpenID provider configured, the catalog calls carry the token the provider issued to the client
 * assessment-service through the client-credentials grant, not one this service signed itself; the token is reused
 * while it is valid. (Without a provider, every other test of this module runs on the locally signed token, against
 * the running catalog; the service-token module's own tests check that token.)
 */
@QuarkusTest
@TestProfile(ServiceTokenFromProviderTest.WithOpenIdProvider.class)
class ServiceTokenFromProviderTest {

    /** This service's database and broker, the test keys, and the provider (which also stands in for the catalog). */
    public static class WithOpenIdProvider implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", "assessment")),
                    new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(JwtTestResource.class),
                    new TestResourceEntry(OpenIdProviderTestResource.class));
        }
    }

    @RestClient
    CatalogClient catalog;

    @Inject
    ServiceToken serviceToken;

    @Test
    void catalog_calls_carry_the_token_the_openid_provider_issued_to_the_client_assessment_service() {
        ApplicabilityRequest request = new ApplicabilityRequest(List.of(new VersionRef("some-guideline", "1")),
                List.of("PRE_CONTRACT"), ApplicableRequirementsQuery.VENDOR_PARTIES, "SAAS", List.of());
        catalog.applicability(request);
        catalog.applicability(request);

        assertThat(serviceToken.fromProvider()).isTrue();
        // The service's own items worker may ask the catalog at the same moment (for an assessment another test
        // left pending in the shared database), so the first use can race to a second grant; every grant is the
        // client-credentials grant of this service's client, and once a token is held it is reused.
        assertThat(OpenIdProviderTestResource.TOKEN_REQUESTS).isNotEmpty().allSatisfy(grant -> {
            assertThat(grant.grantType()).isEqualTo("client_credentials");
            assertThat(grant.client()).isEqualTo(OpenIdProviderTestResource.CLIENT_ID + ":"
                    + OpenIdProviderTestResource.CLIENT_SECRET);
            assertThat(grant.issued()).isNotNull();
        });
        int grants = OpenIdProviderTestResource.TOKEN_REQUESTS.size();
        catalog.applicability(request);
        catalog.applicability(request);
        assertThat(OpenIdProviderTestResource.TOKEN_REQUESTS).as("the token held is reused").hasSize(grants);
        java.util.Set<String> issued = OpenIdProviderTestResource.TOKEN_REQUESTS.stream()
                .map(grant -> "Bearer " + grant.issued()).collect(java.util.stream.Collectors.toSet());
        assertThat(OpenIdProviderTestResource.CATALOG_AUTHORIZATIONS).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(issued::contains);
    }
}
