package org.sansho.contract.catalog;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bearer token this service presents to the catalog-service (subject {@code contract-service}, role
 * {@code service}), and where it comes from:
 * <ul>
 *   <li>with an OpenID provider configured ({@code quarkus.oidc-client.auth-server-url}, from {@code SANSHO_OIDC_URL}),
 *   the provider issues it to the client {@code contract-service} through the client-credentials grant
 *   (quarkus-oidc-client); this is how production runs, and the services verify it like any other token;</li>
 *   <li>without one ({@code ./sansho}, the tests), the service signs it with its configured
 *   {@code smallrye.jwt.sign.key}.</li>
 * </ul>
 * Either token is reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken extends ReactiveClientHeadersFactory {

    static final String SUBJECT = "contract-service";
    private static final Duration LOCAL_LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    /**
     * A token's lifetime is checked by the services that receive it against their own wall clock, so it is counted on
     * the wall clock too, never on the service's business clock (which a test or a drill may move).
     */
    private static final Clock WALL = Clock.systemUTC();

    @Inject
    OidcClient provider;

    @ConfigProperty(name = "quarkus.oidc-client.auth-server-url")
    Optional<String> providerUrl;

    private String token;
    private Instant renewAt = Instant.MIN;

    /** True when the token comes from the OpenID provider rather than from this service's own key. */
    public boolean fromProvider() {
        return providerUrl.filter(url -> !url.isBlank()).isPresent();
    }

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incoming,
                                                         MultivaluedMap<String, String> outgoing) {
        return bearer().map(bearer -> {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            headers.putSingle(HttpHeaders.AUTHORIZATION, bearer);
            return headers;
        });
    }

    /** {@code Bearer <token>}: the current token, or a new one when it is about to expire. */
    public Uni<String> bearer() {
        String current = current();
        if (current != null) {
            return Uni.createFrom().item("Bearer " + current);
        }
        if (fromProvider()) {
            return provider.getTokens().map(tokens -> "Bearer " + keep(tokens.getAccessToken(), expiry(tokens)));
        }
        return Uni.createFrom().item(() -> "Bearer " + keep(
                Jwt.subject(SUBJECT).groups("service").expiresIn(LOCAL_LIFETIME).sign(),
                WALL.instant().plus(LOCAL_LIFETIME)));
    }

    private synchronized String current() {
        return WALL.instant().isBefore(renewAt) ? token : null;
    }

    private synchronized String keep(String token, Instant expiresAt) {
        this.token = token;
        this.renewAt = expiresAt.minus(RENEW_BEFORE);
        return token;
    }

    /** When the provider's token expires ({@code expires_in}); a token without one is fetched again next time. */
    private static Instant expiry(Tokens tokens) {
        Long at = tokens.getAccessTokenExpiresAt();
        return at == null ? Instant.MIN : Instant.ofEpochSecond(at);
    }
}
