package org.sansho.platform.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.platform.problem.ProblemException;
import org.sansho.testsupport.TestTokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class QueryValuesTest {

    enum Colour { RED, GREEN }

    private final String token = TestTokens.token("procurement", UUID.randomUUID());

    @Test
    void a_value_outside_the_vocabulary_is_a_400_naming_the_parameter_and_the_allowed_values() {
        assertThatThrownBy(() -> QueryValues.one("colour", "BLUE", Colour.class))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    var problem = ((ProblemException) e).problem();
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("colour");
                        assertThat(error.message()).isEqualTo("must be one of [RED, GREEN] but was 'BLUE'");
                    });
                });
    }

    @Test
    void repeated_and_comma_separated_values_are_read_alike_and_an_absent_one_is_none() {
        assertThat(QueryValues.all("any", List.of("RED,GREEN", " RED "), Colour.class))
                .containsExactly(Colour.RED, Colour.GREEN);
        assertThat(QueryValues.all("any", null, Colour.class)).isEmpty();
        assertThat(QueryValues.one("colour", " ", Colour.class)).isNull();
    }

    @Test
    void an_enum_typed_query_parameter_and_one_read_as_text_answer_the_same_problem() {
        for (String query : List.of("colour=BLUE", "any=RED,BLUE")) {
            String parameter = query.substring(0, query.indexOf('='));
            given().auth().oauth2(token).get("/fixture/notes/colours?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://sansho.dev/problems/invalid-request"))
                    .body("errors.field", contains(parameter))
                    .body("errors[0].message", containsString("must be one of [RED, GREEN]"))
                    .body("instance", equalTo("/fixture/notes/colours"));
        }
        given().auth().oauth2(token).get("/fixture/notes/colours?colour=GREEN&any=RED")
                .then().statusCode(200).body("$", contains("GREEN", "RED"));
    }
}
