-- Tenant migrations run inside the tenancy entry point: search_path is the tenant's schema and the
-- role is the tenant's own role, so names stay unqualified and every object belongs to that role.
CREATE TABLE municipalities (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    cbs_code    text CHECK (cbs_code ~ '^GM[0-9]{4}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX municipalities_name_key ON municipalities (lower(name));
CREATE UNIQUE INDEX municipalities_cbs_code_key ON municipalities (cbs_code);

CREATE TABLE districts (
    id               uuid PRIMARY KEY,
    municipality_id  uuid NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    cbs_code         text CHECK (cbs_code ~ '^WK[0-9]{6}$'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX districts_name_key ON districts (municipality_id, lower(name));
