-- Veiligheidsbrieven: versions of the letter to the councils over a plan and a period, compiled by
-- the worker. A version's document never changes; compiling again makes a new version.
CREATE TABLE safety_letters (
    id                uuid PRIMARY KEY,
    plan_id           uuid NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
    period            text NOT NULL CHECK (period ~ '^[0-9]{4}(-H[12])?$'),
    version           integer NOT NULL CHECK (version >= 1),
    -- The municipalities the letter is for; empty means all of the cooperation's.
    municipality_ids  uuid[] NOT NULL DEFAULT '{}',
    status            text NOT NULL DEFAULT 'wordt_samengesteld'
                      CHECK (status IN ('wordt_samengesteld', 'concept', 'vastgesteld', 'mislukt')),
    failure_reason    text,
    -- Compiled on the schedule rather than asked for by someone.
    automatic         boolean NOT NULL DEFAULT false,
    -- Users of the platform (platform.users).
    requested_by      uuid,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    compiled_at       timestamptz,
    adopted_by        uuid,
    adopted_at        timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (plan_id, period, version),
    CHECK (status <> 'mislukt' OR failure_reason IS NOT NULL),
    CHECK (status <> 'vastgesteld' OR (adopted_at IS NOT NULL AND adopted_by IS NOT NULL)),
    CHECK (automatic OR requested_by IS NOT NULL)
);
CREATE INDEX safety_letters_requested ON safety_letters (requested_at DESC);
-- One adopted version per plan and period, and one compiled on the schedule (a failed one may
-- be tried again: services/safety_letters/scheduled.rs decides when).
CREATE UNIQUE INDEX safety_letters_one_adopted ON safety_letters (plan_id, period) WHERE status = 'vastgesteld';
CREATE UNIQUE INDEX safety_letters_one_automatic ON safety_letters (plan_id, period)
    WHERE automatic AND status <> 'mislukt';

-- The compiled document of a version: written once, never changed or deleted, also not by the
-- tenant's own role. Not in the audit trail: the letter's row records who asked and when.
CREATE TABLE safety_letter_documents (
    letter_id     uuid PRIMARY KEY REFERENCES safety_letters (id) ON DELETE RESTRICT,
    docx          bytea NOT NULL,
    html          text NOT NULL,
    -- SHA-256 of the DOCX bytes, hex: the ETag of the download.
    docx_sha256   text NOT NULL,
    generated_at  timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION safety_letter_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a compiled safety letter never changes; compile a new version';
END
$$;
CREATE TRIGGER frozen BEFORE UPDATE OR DELETE ON safety_letter_documents
    FOR EACH ROW EXECUTE FUNCTION safety_letter_documents_frozen();
CREATE TRIGGER frozen_truncate BEFORE TRUNCATE ON safety_letter_documents
    FOR EACH STATEMENT EXECUTE FUNCTION safety_letter_documents_frozen();

-- When the worker compiles a draft on its own (see domain::safety_letter::schedule). One row.
CREATE TABLE safety_letter_schedule (
    id           uuid PRIMARY KEY,
    singleton    boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
    enabled      boolean NOT NULL DEFAULT true,
    half_yearly  boolean NOT NULL DEFAULT false,
    due_days     integer NOT NULL DEFAULT 60 CHECK (due_days BETWEEN 0 AND 365),
    lead_days    integer NOT NULL DEFAULT 21 CHECK (lead_days BETWEEN 0 AND 120),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON safety_letters
    FOR EACH ROW EXECUTE FUNCTION audit_row('safety_letter');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON safety_letter_schedule
    FOR EACH ROW EXECUTE FUNCTION audit_row('safety_letter_schedule');
