package org.sansho.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) as the outbox stores it and as Kafka record
 * headers carry it. Only the standard propagator is used, whatever else the application configures, so that a
 * stored row means the same to every relay.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The context of the current span, or null when no sampled or recording span is current (tracing off). */
    public static TraceContext current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String parent = carrier.get(TRACEPARENT);
        return parent == null ? null : new TraceContext(parent, carrier.get(TRACESTATE));
    }

    /** Adds the context to a record's headers (replacing any there). */
    public void addTo(Headers headers) {
        headers.remove(TRACEPARENT);
        headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        headers.remove(TRACESTATE);
        if (tracestate != null && !tracestate.isEmpty()) {
            headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The remote parent a record's headers name, as an OpenTelemetry context on top of {@code base}. */
    public static Context extract(Context base, Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(base, headers, HEADERS);
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header h = carrier.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    /** The trace id part of a traceparent ({@code 00-<trace id>-<span id>-<flags>}). */
    public String traceId() {
        List<String> parts = List.of(traceparent.split("-"));
        return parts.size() >= 2 ? parts.get(1) : null;
    }
}
