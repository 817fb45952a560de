-- One database per service, the authorization server's included (each owns its data; see
-- docs/architecture.md).
-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as
-- POSTGRES_USER, which becomes the owner of each database. To run it again, remove the volume:
-- docker compose down --volumes.
--
-- Extensions are not created here: each service's own Flyway migrations create what they use
-- (btree_gist for exclusion constraints, pgcrypto), so the same migrations work on any server.

CREATE DATABASE parcours_patient;
CREATE DATABASE parcours_scheduling;
CREATE DATABASE parcours_billing;
CREATE DATABASE parcours_partner;
CREATE DATABASE parcours_auth;
