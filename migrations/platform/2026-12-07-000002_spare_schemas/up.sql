-- Spare schemas: cooperations' schemas made ahead of time by the worker (role, schema and every
-- tenant migration), so that provisioning a cooperation only hands one out. Creating a schema's
-- tables, indexes and triggers is almost all of provisioning's time, and it grows with the
-- catalog (about 150 ms with 5,000 cooperations).
-- A spare's schema and role are named after `id` (`tn_` and its 32 hex digits), which becomes the
-- cooperation's id when it is handed out.
CREATE TABLE platform.spare_schemas (
    id         uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
