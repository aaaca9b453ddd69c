package org.sansho.assessment.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven through the system's chromedriver with the W3C WebDriver protocol (plain HTTP + JSON),
 * so the test needs no browser download and no client library. Only what the dashboard test uses.
 */
final class ChromeDriverSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    /** The browser and driver binaries of this machine, if both are installed. */
    static Optional<Path[]> binaries() {
        Optional<Path> chromium = CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        Optional<Path> chromedriver = DRIVER.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        return chromium.isPresent() && chromedriver.isPresent()
                ? Optional.of(new Path[]{chromium.get(), chromedriver.get()}) : Optional.empty();
    }

    ChromeDriverSession(Path chromium, Path chromedriver) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        profile = Files.createTempDirectory("sansho-chromium-");
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (get("/status").path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("chromedriver did not become ready");
            }
            Thread.sleep(200);
        }
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", chromium.toString());
        options.putPOJO("args", List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=en-US",
                "--user-data-dir=" + profile));
        ObjectNode caps = JSON.createObjectNode();
        caps.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
        JsonNode created = post("/session", caps);
        session = created.path("value").path("sessionId").asText(null);
        if (session == null) {
            close();
            throw new IllegalStateException("no browser session: " + created);
        }
        post(path("/timeouts"), JSON.createObjectNode().put("script", 120_000));
    }

    void open(String url) throws IOException, InterruptedException {
        post(path("/url"), JSON.createObjectNode().put("url", url));
    }

    String find(String css) throws IOException, InterruptedException {
        JsonNode r = post(path("/element"), JSON.createObjectNode().put("using", "css selector").put("value", css));
        String id = r.path("value").path(ELEMENT).asText(null);
        if (id == null) {
            throw new IllegalStateException("no element " + css + ": " + r.path("value").path("message").asText());
        }
        return id;
    }

    void type(String css, String text) throws IOException, InterruptedException {
        post(path("/element/" + find(css) + "/value"), JSON.createObjectNode().put("text", text));
    }

    void click(String css) throws IOException, InterruptedException {
        post(path("/element/" + find(css) + "/click"), JSON.createObjectNode());
    }

    /** Runs a script in the page and returns its result as text. */
    String script(String js) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", js);
        body.putArray("args");
        JsonNode v = post(path("/execute/sync"), body).path("value");
        return v.isNull() ? null : v.asText();
    }

    /**
     * Runs an asynchronous script in the page: it ends by calling its last argument with the result (WebDriver's
     * execute/async), which is returned as text.
     */
    String asyncScript(String js) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", js);
        body.putArray("args");
        JsonNode v = post(path("/execute/async"), body).path("value");
        return v.isNull() ? null : v.asText();
    }

    /** Sends keys (e.g. {@link #ARROW_RIGHT}) to an element, as a keyboard user would. */
    void keys(String css, String keys) throws IOException, InterruptedException {
        type(css, keys);
    }

    static final String ARROW_RIGHT = "\uE014";
    static final String ENTER = "\uE007";

    void screenshot(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(get(path("/screenshot")).path("value").asText()));
    }

    private String path(String p) {
        return "/session/" + session + p;
    }

    private JsonNode get(String p) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private JsonNode post(String p, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                send(HttpRequest.newBuilder(URI.create(base + path(""))).timeout(Duration.ofSeconds(10)).DELETE().build());
            }
        } catch (Exception ignored) {
            // the driver is ended below in any case
        }
        driver.destroy();
        try {
            if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
