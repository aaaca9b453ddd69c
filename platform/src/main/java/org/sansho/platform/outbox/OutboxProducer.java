package org.sansho.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The Kafka producer the relay publishes with, configured from the application's {@code kafka.*} settings.
 * Idempotent and acks=all, so a retried send inside the client is never written twice; it fails fast when the
 * broker is away so that the relay can back off and retry with the rows still in the outbox.
 */
@ApplicationScoped
public class OutboxProducer {

    private final Map<String, Object> settings;
    private Producer<String, String> producer;

    @Inject
    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> s = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                s.put(k, v);
            }
        });
        s.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        s.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        s.put(ProducerConfig.ACKS_CONFIG, "all");
        s.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        s.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        s.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        s.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        s.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        s.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        s.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        this.settings = Map.copyOf(s);
    }

    synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer().send(record);
    }

    /**
     * Sends one record and waits for its acknowledgement (at most {@code timeout}); for a record that is not an
     * outbox row, e.g. a consumed record handed to its dead-letter topic.
     */
    public RecordMetadata sendAndWait(ProducerRecord<String, String> record, Duration timeout) {
        Future<RecordMetadata> ack = send(record);
        try {
            return ack.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the record for " + record.topic(), e);
        }
    }

    synchronized void flush() {
        producer().flush();
    }

    /** After a failed batch the producer starts afresh, so no half-acknowledged sequence is carried over. */
    synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        reset();
    }
}
