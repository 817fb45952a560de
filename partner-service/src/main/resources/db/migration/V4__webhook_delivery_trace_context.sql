-- The W3C trace context (traceparent, tracestate) of the event that caused the delivery, so that
-- each attempt is a span of the trace that began with the change the partner hears of.
alter table webhook_delivery add column traceparent text, add column tracestate text;
