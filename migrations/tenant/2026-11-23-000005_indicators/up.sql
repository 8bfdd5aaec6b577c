-- Indicators of a priority, their baseline and target per area, and measurements with history.
-- An area is a municipality, or the whole cooperation (municipality_id NULL).
CREATE TABLE indicators (
    id           uuid PRIMARY KEY,
    priority_id  uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  text NOT NULL DEFAULT '',
    unit         text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
    source       text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    direction    text NOT NULL CHECK (direction IN ('lower_is_better', 'higher_is_better', 'keep_at_level')),
    police_code  text CHECK (length(police_code) BETWEEN 1 AND 20),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicators_name_key ON indicators (priority_id, lower(name));

-- Periods are a year (2024) or a half-year (2026-H1). Plain text with a CHECK, not a domain: a
-- domain has its own type in every tenant schema, and statements cached per pooled connection must
-- keep their result types from one tenant to the next.

CREATE TABLE indicator_targets (
    id                 uuid PRIMARY KEY,
    indicator_id       uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    municipality_id    uuid REFERENCES municipalities (id) ON DELETE RESTRICT,
    baseline_period    text CHECK (baseline_period ~ '^[0-9]{4}(-H[12])?$'),
    baseline_value     double precision,
    target_period      text CHECK (target_period ~ '^[0-9]{4}(-H[12])?$'),
    target_comparator  text CHECK (target_comparator IN ('<=', '>=', '=')),
    target_value       double precision,
    CHECK ((baseline_period IS NULL) = (baseline_value IS NULL)),
    CHECK ((target_period IS NULL) = (target_value IS NULL) AND (target_period IS NULL) = (target_comparator IS NULL)),
    CHECK (baseline_period IS NOT NULL OR target_period IS NOT NULL)
);
CREATE UNIQUE INDEX indicator_targets_area_key ON indicator_targets (indicator_id, municipality_id) NULLS NOT DISTINCT;

CREATE TABLE measurements (
    id               uuid PRIMARY KEY,
    indicator_id     uuid NOT NULL REFERENCES indicators (id) ON DELETE RESTRICT,
    municipality_id  uuid REFERENCES municipalities (id) ON DELETE RESTRICT,
    period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-H[12])?$'),
    value            double precision NOT NULL CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    source_note      text NOT NULL DEFAULT '',
    -- A user of the platform (platform.users).
    entered_by       uuid NOT NULL,
    entered_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX measurements_area_period_key ON measurements (indicator_id, municipality_id, period) NULLS NOT DISTINCT;

-- Every value a measurement had before it was changed or deleted: nothing entered is lost.
CREATE TABLE measurement_history (
    id               bigserial PRIMARY KEY,
    measurement_id   uuid NOT NULL,
    indicator_id     uuid NOT NULL REFERENCES indicators (id) ON DELETE RESTRICT,
    municipality_id  uuid REFERENCES municipalities (id) ON DELETE RESTRICT,
    period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-H[12])?$'),
    value            double precision NOT NULL,
    source_note      text NOT NULL,
    entered_by       uuid NOT NULL,
    entered_at       timestamptz NOT NULL,
    replaced_by      uuid NOT NULL,
    replaced_at      timestamptz NOT NULL DEFAULT now(),
    change           text NOT NULL CHECK (change IN ('updated', 'deleted'))
);
CREATE INDEX measurement_history_key ON measurement_history (indicator_id, municipality_id, period);
