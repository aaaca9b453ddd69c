package org.sansho.platform.security;

import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.sansho.platform.problem.ProblemException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's scope as the platform reads it from the verified claims, without Quarkus. */
class TokenScopeTest {

    @Test
    void an_ordinary_token_has_no_scope() {
        assertThat(TokenScope.of(token(Map.of("org", "x")))).isEmpty();
    }

    @Test
    void a_scoped_token_names_one_record_its_operations_and_its_grant() {
        Map<String, Object> claims = new HashMap<>();
        claims.put(TokenScope.RESOURCE_CLAIM, Json.createValue("contract:0b7e5a52-9d0c-4d8a-8a52-4c3d2f1e0a11"));
        claims.put(TokenScope.OPERATIONS_CLAIM, Json.createArrayBuilder().add("disclosure.read")
                .add("disclosure.answer").build());
        claims.put(TokenScope.GRANT_CLAIM, Json.createValue("grant-1"));
        TokenScope scope = TokenScope.of(token(claims)).orElseThrow();
        assertThat(scope.kind()).isEqualTo("contract");
        assertThat(scope.id()).isEqualTo("0b7e5a52-9d0c-4d8a-8a52-4c3d2f1e0a11");
        assertThat(scope.operations()).isEqualTo(Set.of("disclosure.read", "disclosure.answer"));
        assertThat(scope.allows("disclosure.answer")).isTrue();
        assertThat(scope.allows("contract.read")).isFalse();
        assertThat(scope.grant()).isEqualTo("grant-1");
    }

    @Test
    void a_scope_without_operations_a_kind_or_a_grant_is_refused_as_malformed() {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(
                Map.of(TokenScope.RESOURCE_CLAIM, "contract:1", TokenScope.GRANT_CLAIM, "g"),
                Map.of(TokenScope.RESOURCE_CLAIM, "contract:1",
                        TokenScope.OPERATIONS_CLAIM, java.util.List.of("disclosure.read")),
                Map.of(TokenScope.RESOURCE_CLAIM, "nokind", TokenScope.GRANT_CLAIM, "g",
                        TokenScope.OPERATIONS_CLAIM, java.util.List.of("disclosure.read")))) {
            assertThatThrownBy(() -> TokenScope.of(token(claims))).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("scope");
        }
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
