-- The clinic or hospital a quote is for: partner systems read the quotes that concern them.
alter table quote add column partner_id uuid;
create index quote_partner on quote (partner_id, created_at desc, id);
