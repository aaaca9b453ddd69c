package org.sansho.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;
import org.sansho.localservers.KafkaBroker;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.UUID;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM ends.
 * Resolution order: {@code SANSHO_TEST_KAFKA_BOOTSTRAP}; Testcontainers where a Docker engine exists; otherwise a
 * real broker in KRaft mode (combined broker and controller) started in-JVM by Kafka's own test kit, with the
 * settings the launcher's and the end-to-end runs' broker processes have ({@link KafkaBroker}).
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);
    private static TestKafka instance;

    private final String bootstrapServers;
    private final AutoCloseable server;

    private TestKafka(String bootstrapServers, AutoCloseable server) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /** The broker of this JVM, for the copies of this class in other class loaders (see TestPostgres). */
    private static final String SHARED_BOOTSTRAP = "sansho.test.kafka.shared-bootstrap";

    public static synchronized TestKafka get() {
        if (instance == null && System.getProperty(SHARED_BOOTSTRAP) != null) {
            instance = new TestKafka(System.getProperty(SHARED_BOOTSTRAP), null);
        }
        if (instance == null) {
            long start = System.nanoTime();
            Infrastructure how = Infrastructure.choose("SANSHO_TEST_KAFKA_BOOTSTRAP");
            instance = switch (how) {
                case EXTERNAL -> new TestKafka(Infrastructure.env("SANSHO_TEST_KAFKA_BOOTSTRAP"), null);
                case TESTCONTAINERS -> container();
                case EMBEDDED -> embedded();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-kafka-stop"));
            System.setProperty(SHARED_BOOTSTRAP, instance.bootstrapServers);
            LOG.infof("Kafka for tests (%s) at %s, ready in %d ms", how, instance.bootstrapServers,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return instance;
    }

    private static TestKafka embedded() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBaseDirectory(Infrastructure.workDirectory("embedded-kafka").resolve(UUID.randomUUID().toString()))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            KafkaBroker.singleNodeSettings().forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestKafka(cluster.bootstrapServers(), cluster);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker could not start: " + e.getMessage()
                    + " (set SANSHO_TEST_KAFKA_BOOTSTRAP to use a running broker instead)", e);
        }
    }

    @SuppressWarnings("resource")
    private static TestKafka container() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        return new TestKafka(container.getBootstrapServers(), container);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Kafka for tests did not stop cleanly", e);
            }
        }
    }
}
