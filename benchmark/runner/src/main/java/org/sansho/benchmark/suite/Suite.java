package org.sansho.benchmark.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sansho.identifiers.CorporateNumber;
import org.sansho.launcher.DevelopmentKeys;
import org.sansho.launcher.DevelopmentTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The running services as the benchmark talks to them: base URLs, tokens, JSON requests. */
public final class Suite {

    public static final String ISSUER = "https://sansho.local/issuer";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final String catalog;
    public final String contract;
    public final String assessment;
    public final HttpClient http;
    private final PrivateKey key;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Suite(String catalog, String contract, String assessment, HttpClient http, DevelopmentKeys keys)
            throws Exception {
        this.catalog = catalog;
        this.contract = contract;
        this.assessment = assessment;
        this.http = http;
        this.key = keys.privateKey();
    }

    public String token(String role, UUID organization) {
        return tokens.computeIfAbsent(role + "/" + organization, k -> DevelopmentTokens.mint(key, ISSUER, role,
                organization, role + (organization == null ? "" : "@" + organization), Duration.ofHours(3)));
    }

    public static HttpRequest.Builder request(String base, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    public static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest post(String base, String path, String token, Object value) {
        return request(base, path, token).header("Content-Type", "application/json").POST(body(value)).build();
    }

    /** A POST for set-up work that may take long on a busy machine (imports, publications). */
    public static HttpRequest slowPost(String base, String path, String token, Object value) {
        return request(base, path, token).timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .POST(body(value)).build();
    }

    /** Sends and expects {@code status}; returns the parsed body (or null when empty). */
    public JsonNode send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                    + " (expected " + status + "): " + r.body());
        }
        return r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
    }

    /** The {@code id} of a created resource, from its JSON body. */
    public static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hospital, a vendor and the vendor's SaaS service, registered through the contract-service. */
    public record Parties(UUID hospital, UUID vendor, UUID service) {
    }

    public Parties parties(String name) throws Exception {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        send(post(contract, "/api/v1/organizations", token("procurement", hospital),
                Map.of("kind", "HOSPITAL", "nameJa", name + "病院",
                        "corporateNumber", corporateNumber())), 201);
        send(post(contract, "/api/v1/organizations", token("procurement", hospital),
                Map.of("kind", "VENDOR", "id", vendor.toString(), "nameJa", name + "株式会社",
                        "corporateNumber", corporateNumber())), 201);
        JsonNode service = send(post(contract, "/api/v1/organizations/" + vendor + "/services", token("vendor", vendor),
                Map.of("name", "クラウド型電子カルテ", "serviceModel", "SAAS", "dataLocations",
                        java.util.List.of(Map.of("country", "JP", "region", "Tokyo", "domesticJurisdiction", true)))),
                201);
        return new Parties(hospital, vendor, UUID.fromString(service.path("id").asText()));
    }

    public static Map<String, Object> newContract(Parties p, long n) {
        return Map.of(
                "vendorId", p.vendor(), "serviceId", p.service(),
                "title", "電子カルテ クラウドサービス利用契約 " + n,
                "baseline", java.util.List.of(
                        Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0"),
                        Map.of("guidelineId", "meti-mic-medical-service-provider", "version", "2.0")),
                "dataCategories", java.util.List.of("LEGAL_RETENTION_RECORDS", "OTHER_PERSONAL_HEALTH_INFO"),
                "term", Map.of("startDate", "2026-04-01", "endDate", "2029-03-31", "autoRenewal", true,
                        "hospitalNoticeDays", 90, "vendorNoticeDays", 180),
                "sla", Map.of("availabilityPercent", 99.5, "rtoHours", 24, "rpoHours", 24,
                        "incidentNotificationHours", 1, "dataRegion", "JP-East"));
    }

    static String corporateNumber() {
        return CorporateNumber.of(SEQUENCE.incrementAndGet() * 7919 % 1_000_000_000_000L);
    }
}
