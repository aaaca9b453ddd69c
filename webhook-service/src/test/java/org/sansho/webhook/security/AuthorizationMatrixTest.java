package org.sansho.webhook.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.security.AuthorizationMatrix;

import java.net.URI;

/**
 * Every operation of docs/openapi/webhook-service.yaml × every role × own/other organization, plus callers without a
 * valid token, against the rules in authorization-rules.yaml.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_operation_answers_each_role_and_organization_as_its_rule_declares() {
        AuthorizationMatrix.assertDeclared("webhook-service", base, new SeededEndpoints(kafka)::seed, 10);
    }
}
