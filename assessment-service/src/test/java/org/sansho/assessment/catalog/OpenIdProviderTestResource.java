package org.sansho.assessment.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny OpenID provider on a JDK HTTP server: its discovery document and a token endpoint that answers the
 * client-credentials grant with a token signed by the test key (so the services would verify it like the realm's).
 * The same server stands in for the catalog's applicability API and records the Authorization header each call
 * carries. The service under test is pointed at both.
 */
public class OpenIdProviderTestResource implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "assessment-service";
    static final String CLIENT_SECRET = "test-client-secret";
    static final String PROVIDER_SUBJECT = "service-account-assessment-service";

    /** One token request: its grant type and the client it authenticated as (HTTP Basic), and the token it got. */
    record TokenRequest(String grantType, String client, String issued) {
    }

    static final List<TokenRequest> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    static final List<String> CATALOG_AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://localhost:" + server.getAddress().getPort();
        String realm = base + "/realms/sansho";
        server.createContext("/realms/sansho/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                "{\"issuer\":\"" + realm + "\",\"token_endpoint\":\"" + realm + "/protocol/openid-connect/token\","
                        + "\"jwks_uri\":\"" + realm + "/protocol/openid-connect/certs\","
                        + "\"grant_types_supported\":[\"client_credentials\"]}"));
        server.createContext("/realms/sansho/protocol/openid-connect/token", this::token);
        server.createContext("/api/v1/applicability", exchange -> {
            CATALOG_AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            answer(exchange, 200, "{\"baseline\":[],\"requirements\":[],\"total\":0}");
        });
        server.start();
        return Map.of(
                "quarkus.oidc-client.auth-server-url", realm,
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET,
                "quarkus.rest-client.catalog.url", base);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String grantType = null;
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("grant_type") && kv.length == 2) {
                grantType = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String client = authorization != null && authorization.startsWith("Basic ")
                ? new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8) : null;
        if (!"client_credentials".equals(grantType) || !(CLIENT_ID + ":" + CLIENT_SECRET).equals(client)) {
            TOKEN_REQUESTS.add(new TokenRequest(grantType, client, null));
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String issued = TestTokens.token(PROVIDER_SUBJECT, Set.of(Roles.SERVICE), null, Duration.ofMinutes(5));
        TOKEN_REQUESTS.add(new TokenRequest(grantType, client, issued));
        answer(exchange, 200, "{\"access_token\":\"" + issued + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"sansho\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
