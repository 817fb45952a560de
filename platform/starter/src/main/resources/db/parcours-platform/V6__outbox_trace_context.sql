-- The W3C trace context (traceparent, tracestate) of the work that wrote the event, so that
-- the relay sends it as part of the same trace. Null when nothing was being traced.
alter table parcours_platform.outbox_event add column traceparent text, add column tracestate text;
