package org.sansho.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/** What a service's own application.properties says about its port and its topics. */
record ServiceConfig(String name, int port, String outboxTopic, Set<String> consumedTopics, Set<String> deadLetterTopics) {

    static final String[] SERVICES = {"catalog-service", "contract-service", "assessment-service", "webhook-service"};

    static ServiceConfig of(Path repository, String service) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(
                repository.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> consumed = new LinkedHashSet<>();
        Set<String> dlq = new LinkedHashSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("mp.messaging.incoming.")) {
                continue;
            }
            if (key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                consumed.add(p.getProperty(key).trim());
            } else if (key.endsWith(".topics")) {
                for (String t : p.getProperty(key).split(",")) {
                    consumed.add(t.trim());
                }
            } else if (key.endsWith(".dead-letter-queue.topic")) {
                dlq.add(p.getProperty(key).trim());
            }
        }
        return new ServiceConfig(service, Integer.parseInt(p.getProperty("quarkus.http.port")),
                p.getProperty("sansho.outbox.topic"), consumed, dlq);
    }

    Set<String> allTopics() {
        Set<String> all = new LinkedHashSet<>(consumedTopics);
        all.addAll(deadLetterTopics);
        if (outboxTopic != null) {
            all.add(outboxTopic);
        }
        return all;
    }
}
