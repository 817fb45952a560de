-- The first answer's ETag, so that a replayed answer carries it too: a client that
-- retried a create needs the version for its first If-Match.
alter table idempotent_request add column etag text;
