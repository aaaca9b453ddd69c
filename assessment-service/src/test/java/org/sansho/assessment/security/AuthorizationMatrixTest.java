package org.sansho.assessment.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.security.AuthorizationMatrix;
import org.sansho.testsupport.security.AuthorizationRules;
import org.sansho.testsupport.security.OpenApiOperations;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of docs/openapi/assessment-service.yaml × every role × own/other organization, plus callers without a
 * valid token, against the rules in authorization-rules.yaml.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_operation_answers_each_role_and_organization_as_its_rule_declares() {
        OpenApiOperations api = OpenApiOperations.of("assessment-service");
        long start = System.nanoTime();
        AuthorizationMatrix.Result result = AuthorizationMatrix.run(base, api, AuthorizationRules.load(),
                SeededAssessments::seed);
        System.out.printf("assessment-service authorization matrix: %s in %d ms%n", result.summary(),
                (System.nanoTime() - start) / 1_000_000);
        assertThat(result.operations()).isEqualTo(api.operations().size()).isGreaterThan(15);
        result.assertPassed();
    }
}
