package org.sansho.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local suite keeps its data and which ports it uses. Every value can be set in the environment;
 * SANSHO_POSTGRES_URL and SANSHO_KAFKA_BOOTSTRAP switch to an existing PostgreSQL server or Kafka cluster.
 */
public record Settings(Path repository, Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
                String externalPostgresUrl, String postgresUser, String postgresPassword,
                String externalKafkaBootstrap, String issuer) {

    static final String DEFAULT_ISSUER = "https://sansho.local/issuer";

    public static Settings fromEnvironment(Path repository) {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("SANSHO_DATA_DIR", repository.resolve(".data").toString()))
                .toAbsolutePath();
        return new Settings(repository, data,
                Integer.parseInt(env.getOrDefault("SANSHO_POSTGRES_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("SANSHO_KAFKA_PORT", "19092")),
                Integer.parseInt(env.getOrDefault("SANSHO_KAFKA_CONTROLLER_PORT", "19093")),
                blankToNull(env.get("SANSHO_POSTGRES_URL")),
                env.getOrDefault("SANSHO_POSTGRES_USER", "postgres"),
                env.getOrDefault("SANSHO_POSTGRES_PASSWORD", "postgres"),
                blankToNull(env.get("SANSHO_KAFKA_BOOTSTRAP")),
                env.getOrDefault("SANSHO_JWT_ISSUER", DEFAULT_ISSUER));
    }

    public Path logs() {
        return dataDirectory.resolve("logs");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
