-- A replayed answer carries the ETag the first one did, as the documents promise.
alter table parcours_platform.idempotent_request add column etag text;
