package org.sansho.contract.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.security.AuthorizationMatrix;

import java.net.URI;

/**
 * Every operation of docs/openapi/contract-service.yaml × every role × own/other organization, plus callers without a
 * valid token, against the rules in authorization-rules.yaml.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_operation_answers_each_role_and_organization_as_its_rule_declares() {
        AuthorizationMatrix.assertDeclared("contract-service", base, new SeededWorlds()::seed, 20);
    }
}
