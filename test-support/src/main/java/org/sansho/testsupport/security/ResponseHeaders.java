package org.sansho.testsupport.security;

import org.sansho.testsupport.TestTokens;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every service must not send: CORS permissions (off unless configured), a Server or X-Powered-By header naming
 * a product version, internals in error bodies.
 */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /**
     * Checks a cross-origin preflight and a cross-origin request on {@code path} (an operation that exists), and the
     * answers to an unknown path, a missing token and an unsupported method.
     *
     * @return the problems found; empty when none
     */
    public static List<String> problems(URI base, String path) {
        List<String> problems = new ArrayList<>();
        String root = base.toString().replaceAll("/$", "");
        Probe.Answer preflight = Probe.send("OPTIONS", URI.create(root + path), Map.of(
                "Origin", "https://attacker.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"), null, false);
        cors("preflight OPTIONS " + path, preflight, problems);
        Probe.Answer crossOrigin = Probe.send("GET", URI.create(root + path), Map.of(
                "Origin", "https://attacker.example", "Authorization", "Bearer " + TestTokens.token("service")),
                null, false);
        cors("cross-origin GET " + path, crossOrigin, problems);
        List<Probe.Answer> answers = List.of(preflight, crossOrigin,
                Probe.send("GET", URI.create(root + "/api/v1/no-such-resource"), Map.of(), null, false),
                Probe.send("GET", URI.create(root + path), Map.of(), null, false),
                Probe.send("GET", URI.create(root + path), Map.of("Authorization", "Bearer not.a.token"), null, false),
                Probe.send("DELETE", URI.create(root + path), Map.of("Authorization", "Bearer "
                        + TestTokens.token("service")), null, false));
        for (Probe.Answer a : answers) {
            String leak = HostileInputs.leak(a);
            if (leak != null) {
                problems.add(a.status() + ": " + leak);
            }
            if (a.status() >= 500) {
                problems.add("a server error: " + a.excerpt());
            }
        }
        return problems;
    }

    private static void cors(String what, Probe.Answer a, List<String> problems) {
        for (String header : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                "Access-Control-Allow-Methods")) {
            a.header(header).ifPresent(v -> problems.add(what + " answered " + header + ": " + v));
        }
    }
}
