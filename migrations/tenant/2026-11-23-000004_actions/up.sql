-- Action points (actiepunten) of the uitvoeringsplan, each under a priority.
CREATE TABLE actions (
    id           uuid PRIMARY KEY,
    priority_id  uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description  text NOT NULL DEFAULT '',
    -- A user of the platform (platform.users); checked by the service.
    owner_id     uuid,
    due_on       date,
    status       text NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'lopend', 'gereed', 'vervallen')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actions_priority ON actions (priority_id);
CREATE INDEX actions_due ON actions (due_on) WHERE status IN ('gepland', 'lopend');
