package org.sansho.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CallerTest {

    @Test
    void a_singleton_resource_sees_each_requests_own_caller() {
        for (int i = 0; i < 5; i++) {
            UUID org = UUID.randomUUID();
            given().auth().oauth2(TestTokens.token("procurement", org)).get("/fixture/notes/me")
                    .then().statusCode(200).body(equalTo(org.toString()));
        }
    }

    @Test
    void a_token_without_an_organization_cannot_act_for_one() {
        given().auth().oauth2(TestTokens.token("procurement")).get("/fixture/notes/me")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
