package org.sansho.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthenticateFirstTest {

    private static final String REPORTS = "/api/v1/fixture/reports";

    @Test
    void a_caller_without_a_token_is_answered_401_before_its_accept_header_is_judged() {
        given().accept("application/json").get(REPORTS).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void a_caller_without_a_token_is_answered_401_before_its_body_type_is_judged() {
        given().contentType("application/json").body("{}").post(REPORTS).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_badly_signed_token_is_answered_401_before_negotiation() {
        given().auth().oauth2(TestTokens.signedByStranger("auditor", UUID.randomUUID())).accept("application/json")
                .get(REPORTS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void an_authenticated_caller_then_gets_the_negotiation_answers() {
        String token = TestTokens.token("auditor", UUID.randomUUID());
        given().auth().oauth2(token).accept("application/json").get(REPORTS).then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body("{}").post(REPORTS).then()
                .statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(token).accept("text/csv").get(REPORTS).then().statusCode(200)
                .body(equalTo("a,b\n1,2\n"));
    }
}
