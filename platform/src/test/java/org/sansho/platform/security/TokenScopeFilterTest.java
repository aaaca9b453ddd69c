package org.sansho.platform.security;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.sansho.platform.problem.ProblemException;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The confinement of a scoped token, without Quarkus: the operation must be one the token names, and the record the
 * request names must be the token's, directly, through the service's {@link ScopedGrants#ownerOf} (a record inside
 * it) or as a list's filter.
 */
class TokenScopeFilterTest {

    private static final String CONTRACT = "0b7e5a52-9d0c-4d8a-8a52-4c3d2f1e0a11";
    private static final String ASSESSMENT = "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String FOREIGN = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    /** Operations as a service declares them. */
    static class Operations {
        @ScopedOperation("disclosure.read")
        public void readDisclosure() {
        }

        @ScopedOperation(value = "assessment.read", record = "assessment")
        public void readAssessment() {
        }

        @ScopedOperation(value = "assessment.read", pathParameter = "contract", query = true)
        public void listAssessments() {
        }

        public void unmarked() {
        }
    }

    private final List<String> admitted = new ArrayList<>();
    private final ScopedGrants grants = new ScopedGrants() {
        @Override
        public void admit(Caller caller, TokenScope scope, String operation, String method) {
            admitted.add(operation + " " + method);
        }

        @Override
        public Optional<String> ownerOf(String record, String id, String scopeKind) {
            return Map.of(ASSESSMENT, CONTRACT, FOREIGN, UUID.randomUUID().toString()).entrySet().stream()
                    .filter(e -> "assessment".equals(record) && e.getKey().equals(id)).map(Map.Entry::getValue)
                    .findFirst();
        }
    };

    @Test
    void a_record_inside_the_tokens_record_is_admitted_and_one_of_another_record_is_not_found() {
        TokenScopeFilter filter = filter(Set.of("assessment.read"), true);
        filter.confine(request("/api/v1/assessments/" + ASSESSMENT, Map.of("id", ASSESSMENT), Map.of()),
                resource("readAssessment"));
        assertThat(admitted).containsExactly("assessment.read GET /api/v1/assessments/" + ASSESSMENT);
        for (String other : List.of(FOREIGN, UUID.randomUUID().toString(), "not-a-uuid")) {
            assertThatThrownBy(() -> filter.confine(request("/api/v1/assessments/" + other, Map.of("id", other),
                    Map.of()), resource("readAssessment"))).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(status(e)).isEqualTo(404));
        }
        assertThat(admitted).hasSize(1);
    }

    @Test
    void without_a_service_that_resolves_records_inside_the_token_s_record_nothing_is_found() {
        TokenScopeFilter filter = filter(Set.of("assessment.read"), false);
        assertThatThrownBy(() -> filter.confine(request("/api/v1/assessments/" + ASSESSMENT,
                Map.of("id", ASSESSMENT), Map.of()), resource("readAssessment")))
                .satisfies(e -> assertThat(status(e)).isEqualTo(404));
    }

    @Test
    void a_list_must_be_filtered_to_the_tokens_record() {
        TokenScopeFilter filter = filter(Set.of("assessment.read"), true);
        filter.confine(request("/api/v1/assessments", Map.of(), Map.of("contract", CONTRACT)),
                resource("listAssessments"));
        assertThat(admitted).hasSize(1);
        for (Map<String, String> query : List.of(Map.<String, String>of(), Map.of("contract", FOREIGN))) {
            assertThatThrownBy(() -> filter.confine(request("/api/v1/assessments", Map.of(), query),
                    resource("listAssessments"))).satisfies(e -> assertThat(status(e)).isEqualTo(404));
        }
        assertThatThrownBy(() -> filter.confine(request("/api/v1/assessments", Map.of(), Map.of()),
                resource("listAssessments"))).hasMessageContaining("query parameter 'contract'");
        assertThat(admitted).hasSize(1);
    }

    @Test
    void an_operation_the_token_does_not_name_or_an_unmarked_one_is_outside_its_scope() {
        TokenScopeFilter filter = filter(Set.of("assessment.read"), true);
        for (String method : List.of("readDisclosure", "unmarked")) {
            assertThatThrownBy(() -> filter.confine(request("/api/v1/contracts/" + CONTRACT,
                    Map.of("id", CONTRACT), Map.of()), resource(method)))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(403))
                    .hasMessageContaining("restricted");
        }
        assertThat(admitted).isEmpty();
    }

    private TokenScopeFilter filter(Set<String> operations, boolean withGrants) {
        Caller caller = new Caller("respondent:1", Optional.of(UUID.randomUUID()), Set.of(Roles.VENDOR),
                Optional.of(new TokenScope("contract:" + CONTRACT, operations, "1")));
        return new TokenScopeFilter(caller, instance(withGrants ? grants : null));
    }

    private static int status(Throwable e) {
        return ((ProblemException) e).problem().status();
    }

    @SuppressWarnings("unchecked")
    private static Instance<ScopedGrants> instance(ScopedGrants grants) {
        return (Instance<ScopedGrants>) Proxy.newProxyInstance(TokenScopeFilterTest.class.getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> grants != null;
                    case "get" -> grants;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ResourceInfo resource(String name) {
        return (ResourceInfo) Proxy.newProxyInstance(TokenScopeFilterTest.class.getClassLoader(),
                new Class<?>[]{ResourceInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getResourceMethod" -> method(name);
                    case "getResourceClass" -> Operations.class;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Operations.class.getMethod(name);
    }

    private static ContainerRequestContext request(String path, Map<String, String> pathParameters,
                                                   Map<String, String> queryParameters) {
        MultivaluedMap<String, String> pathValues = new MultivaluedHashMap<>(pathParameters);
        MultivaluedMap<String, String> queryValues = new MultivaluedHashMap<>(queryParameters);
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(TokenScopeFilterTest.class.getClassLoader(),
                new Class<?>[]{UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getPathParameters" -> pathValues;
                    case "getQueryParameters" -> queryValues;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(TokenScopeFilterTest.class.getClassLoader(),
                new Class<?>[]{ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uri;
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
