package org.sansho.contract.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.security.HostileInputs;
import org.sansho.testsupport.security.ResponseHeaders;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests generated from docs/openapi/contract-service.yaml and the valid requests of authorization-rules.yaml:
 * every case that must be rejected gets a 4xx problem+json and no table or topic changes; no case at all gets a 5xx or
 * reveals internals.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hostile_requests_are_refused_with_a_4xx_problem_and_change_nothing() {
        HostileInputs.assertRefused("contract-service", base, dataSource, new SeededWorlds().seed());
    }

    @Test
    void cors_is_off_and_no_answer_names_the_server_or_reveals_internals() {
        assertThat(ResponseHeaders.problems(base, "/api/v1/contracts")).isEmpty();
    }
}
