-- W3C trace context of the transaction that wrote an outbox row (captured at publish time, when the request's
-- span is current), so that the relay, which sends later on its own thread, can continue the trace on Kafka.
-- Null when tracing is off or nothing was traced.
alter table outbox_event add column traceparent varchar(55);
alter table outbox_event add column tracestate varchar(512);
