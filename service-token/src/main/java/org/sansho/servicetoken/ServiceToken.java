package org.sansho.servicetoken;

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
import java.time.Instant;
import java.util.Optional;

/**
 * The bearer token a service presents to another service (subject: the calling service,
 * {@code sansho.service-token.subject}; role {@code service}), and where it comes from:
 * <ul>
 *   <li>with an OpenID provider configured ({@code quarkus.oidc-client.auth-server-url}, from {@code SANSHO_OIDC_URL}),
 *   the provider issues it to the service's client ({@code SANSHO_OIDC_CLIENT_ID}, by default the subject) through the
 *   client-credentials grant (quarkus-oidc-client); this is how production runs, and the services verify it like any
 *   other token;</li>
 *   <li>without one ({@code ./sansho}, the tests), the service signs it with its configured
 *   {@code smallrye.jwt.sign.key}.</li>
 * </ul>
 * Either token is reused until shortly before it expires ({@link HeldToken}). A REST client sends it with
 * {@code @RegisterClientHeaders(ServiceToken.class)}.
 */
@ApplicationScoped
public class ServiceToken extends ReactiveClientHeadersFactory {

    /** The role of a service caller: the platform's {@code Roles.SERVICE}, which the receiving service checks. */
    static final String ROLE = "service";

    private final OidcClient provider;
    private final ServiceTokenConfig config;
    private final boolean fromProvider;
    private final HeldToken held;

    @Inject
    ServiceToken(OidcClient provider, ServiceTokenConfig config,
                 @ConfigProperty(name = "quarkus.oidc-client.auth-server-url") Optional<String> providerUrl) {
        this.provider = provider;
        this.config = config;
        this.fromProvider = providerUrl.filter(url -> !url.isBlank()).isPresent();
        this.held = new HeldToken(Clock.systemUTC(), config.renewBefore());
    }

    /** True when the token comes from the OpenID provider rather than from this service's own key. */
    public boolean fromProvider() {
        return fromProvider;
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
        String current = held.current();
        if (current != null) {
            return Uni.createFrom().item("Bearer " + current);
        }
        if (fromProvider) {
            return provider.getTokens().map(tokens -> "Bearer " + held.keep(tokens.getAccessToken(), expiry(tokens)));
        }
        return Uni.createFrom().item(() -> {
            Instant expiresAt = held.now().plus(config.lifetime());
            return "Bearer " + held.keep(Jwt.subject(config.subject()).groups(ROLE)
                    .expiresAt(expiresAt.getEpochSecond()).sign(), expiresAt);
        });
    }

    /** When the provider's token expires ({@code expires_in}); null when it did not say. */
    private static Instant expiry(Tokens tokens) {
        Long at = tokens.getAccessTokenExpiresAt();
        return at == null ? null : Instant.ofEpochSecond(at);
    }
}
