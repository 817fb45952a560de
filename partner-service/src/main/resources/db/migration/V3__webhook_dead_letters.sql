-- The dead letters are counted on every metrics scrape (parcours_webhooks_dead_letters): from
-- this index, not from a scan of every delivery ever made.
create index webhook_delivery_dead on webhook_delivery (dead_at) where status = 'DEAD';
