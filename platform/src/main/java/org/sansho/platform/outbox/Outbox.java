package org.sansho.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.observability.TraceContext;
import org.sansho.platform.transaction.AfterCommit;

import java.util.UUID;

/**
 * Writes an event into the outbox inside the caller's transaction, so that the state change and the event
 * commit together or not at all. The relay publishes it after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final CloudEventCodec codec;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(CloudEventCodec codec, OutboxConfig config, OutboxRelay relay,
                  TransactionSynchronizationRegistry transactions) {
        this.codec = codec;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * @param aggregateType e.g. {@code contract}
     * @param aggregateId   the record key: all events of one aggregate stay in order on one partition
     * @param type          the versioned CloudEvents type, e.g. {@code org.sansho.contract.created.v1}
     * @param data          the event payload (a record, never an entity)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String aggregateType, String aggregateId, String type, Object data) {
        CloudEvent event = codec.create(config.source(), type, aggregateId, data);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.aggregateType = aggregateType;
        row.aggregateId = aggregateId;
        row.type = type;
        row.payload = codec.write(event);
        row.timestamp = event.time().toInstant();
        row.topic = config.topic();
        // The relay sends later on its own thread: the trace of the request that made the change travels with the row.
        TraceContext trace = TraceContext.current();
        if (trace != null) {
            row.traceparent = trace.traceparent();
            row.tracestate = trace.tracestate();
        }
        row.persist();
        wakeRelayAfterCommit();
        return event;
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, relay::wake);
    }
}
