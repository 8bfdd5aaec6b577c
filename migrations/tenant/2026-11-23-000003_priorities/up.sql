-- Priorities of a plan: cooperation-wide, for one municipality, or for one district.
CREATE TABLE priorities (
    id                 uuid PRIMARY KEY,
    plan_id            uuid NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
    parent_id          uuid REFERENCES priorities (id) ON DELETE RESTRICT,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    scope              text NOT NULL CHECK (scope IN ('cooperation', 'municipality', 'district')),
    municipality_id    uuid REFERENCES municipalities (id) ON DELETE RESTRICT,
    district_id        uuid REFERENCES districts (id) ON DELETE RESTRICT,
    opgave             text NOT NULL DEFAULT '',
    ambitie            text NOT NULL DEFAULT '',
    aanpak             text NOT NULL DEFAULT '',
    doelstelling       text NOT NULL DEFAULT '',
    partners           text[] NOT NULL DEFAULT '{}',
    flankerend_beleid  text NOT NULL DEFAULT '',
    -- A user of the platform (platform.users); checked by the service.
    owner_id           uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (
        (scope = 'cooperation' AND municipality_id IS NULL AND district_id IS NULL)
        OR (scope = 'municipality' AND municipality_id IS NOT NULL AND district_id IS NULL)
        OR (scope = 'district' AND municipality_id IS NOT NULL AND district_id IS NOT NULL)
    ),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX priorities_plan ON priorities (plan_id);
CREATE INDEX priorities_municipality ON priorities (municipality_id);
