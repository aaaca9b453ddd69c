package org.sansho.benchmark.stages;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.processes.Processes;
import org.sansho.benchmark.suite.Suite;
import org.sansho.benchmark.targets.SuiteTargets;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceilings the services are judged against, on the same database and broker: the ceiling app's framework, read
 * (Panache find by id) and write (single-row insert) ceilings, and the broker's produce → consume round trip.
 */
public final class Ceilings implements Stage {

    @Override
    public String name() {
        return "ceilings";
    }

    @Override
    public void run(Run run) throws Exception {
        String c = Processes.base(Processes.CEILING_PORT);
        Load load = run.load();
        run.progress("Ceiling: trivial JSON GET");
        run.closed("ceilings", "framework ceiling: GET /ping", load.expect(200, n -> Suite.request(c, "/ping", null)
                .build()), null);
        run.progress("Ceiling: Panache find-by-id GET");
        run.closed("ceilings", SuiteTargets.READ_CEILING, run.readCeiling(), null);
        run.progress("Ceiling: Panache single-row insert POST");
        run.closed("ceilings", "write ceiling: POST /rows", load.expect(201, n -> Suite.post(c, "/rows", null,
                Map.of("name", "row " + n, "amount", n % 1000))), null);
        run.progress("Ceiling: Kafka produce → consume round trip at 50/s");
        CpuMeter.Snapshot before = run.cpu().snapshot();
        Load.Result broker = brokerRoundTrip(run.processes().kafka().bootstrapServers(), 50, run.form().measure());
        run.report().add("event latency", "broker ceiling: produce → consume, 50/s", broker, null,
                CpuMeter.between(before, run.cpu().snapshot(), broker.count()));
    }

    /** Records produced at {@code rate} (acks=all, linger 0), timed until a consumer receives them. */
    private static Load.Result brokerRoundTrip(String bootstrapServers, double rate, Duration measure)
            throws Exception {
        String topic = "bench.round-trip";
        Map<String, Object> common = Map.of("bootstrap.servers", bootstrapServers);
        Map<String, Object> producerConfig = new LinkedHashMap<>(common);
        producerConfig.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerConfig.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerConfig.put("acks", "all");
        producerConfig.put("linger.ms", "0");
        Map<String, Object> consumerConfig = new LinkedHashMap<>(common);
        consumerConfig.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("group.id", "bench-" + UUID.randomUUID());
        consumerConfig.put("auto.offset.reset", "latest");
        Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
        Map<String, Long> intendedAt = new ConcurrentHashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "create", "create")).get(30, TimeUnit.SECONDS);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        CompletableFuture<Long> f = pending.remove(r.key());
                        Long intended = intendedAt.remove(r.key());
                        if (f != null && intended != null) {
                            f.complete(System.nanoTime() - intended);
                        }
                    }
                }
                consumer.close();
            }, "bench-consumer");
            reader.start();
            try {
                // The consumer is positioned once a record sent now comes back; only then does the clock run.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean positioned = false;
                for (int w = 0; !positioned && System.nanoTime() < deadline; w++) {
                    String k = "warm-up-" + w;
                    CompletableFuture<Long> f = new CompletableFuture<>();
                    intendedAt.put(k, System.nanoTime());
                    pending.put(k, f);
                    producer.send(new ProducerRecord<>(topic, k, "{}"));
                    try {
                        f.get(1, TimeUnit.SECONDS);
                        positioned = true;
                    } catch (TimeoutException e) {
                        pending.remove(k);
                    }
                }
                AtomicLong seq = new AtomicLong();
                return Load.open(intended -> {
                    String k = Long.toString(seq.incrementAndGet());
                    CompletableFuture<Long> f = new CompletableFuture<>();
                    intendedAt.put(k, intended);
                    pending.put(k, f);
                    producer.send(new ProducerRecord<>(topic, k, "{\"n\":" + k + "}"), (m, e) -> {
                        if (e != null) {
                            f.complete(-1L);
                        }
                    });
                    return f;
                }, rate, measure, Integer.MAX_VALUE);
            } finally {
                running.set(false);
                reader.join(5000);
            }
        }
    }
}
