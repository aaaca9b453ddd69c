package org.sansho.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    @jakarta.inject.Inject
    VerifiedTokenCache verifiedTokens;

    @Test
    void a_token_is_verified_once_and_a_forged_one_is_still_refused() {
        UUID org = UUID.randomUUID();
        String token = TestTokens.token("procurement", org);
        int before = verifiedTokens.size();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/fixture/notes/me").then().statusCode(200).body(equalTo(org.toString()));
        }
        assertThat(verifiedTokens.size()).isEqualTo(before + 1);
        given().auth().oauth2(TestTokens.signedByStranger("procurement", org)).get("/fixture/notes/me")
                .then().statusCode(401);
        // the same claims with another signature are another token: verified, and refused
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).get("/fixture/notes/me").then().statusCode(401);
    }

    @Test
    void a_token_without_an_organization_cannot_act_for_one() {
        given().auth().oauth2(TestTokens.token("procurement")).get("/fixture/notes/me")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
