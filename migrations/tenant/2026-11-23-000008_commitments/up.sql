-- Commitments (toezeggingen) of bestuurders to their councils, and the priorities they touch.
CREATE TABLE commitments (
    id                        uuid PRIMARY KEY,
    reference                 text NOT NULL CHECK (length(reference) BETWEEN 1 AND 50),
    title                     text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description               text NOT NULL DEFAULT '',
    municipality_id           uuid NOT NULL REFERENCES municipalities (id) ON DELETE RESTRICT,
    made_on                   date NOT NULL,
    meeting                   text NOT NULL DEFAULT '',
    -- Users of the platform (platform.users); checked by the service.
    made_by_id                uuid NOT NULL,
    requested_by              text NOT NULL DEFAULT '',
    requested_by_party        text NOT NULL DEFAULT '',
    responsible_officer_id    uuid,
    due_on                    date,
    status                    text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_behandeling', 'afgedaan', 'vervallen')),
    closed_on                 date,
    closing_letter_reference  text,
    closing_letter_title      text,
    lapse_reason              text,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'afgedaan' OR (closed_on IS NOT NULL AND closing_letter_reference IS NOT NULL AND closing_letter_title IS NOT NULL)),
    CHECK (status <> 'vervallen' OR lapse_reason IS NOT NULL)
);
CREATE UNIQUE INDEX commitments_reference_key ON commitments (lower(reference));
CREATE INDEX commitments_pending_due ON commitments (due_on) WHERE status IN ('open', 'in_behandeling');
CREATE INDEX commitments_municipality ON commitments (municipality_id);
CREATE INDEX commitments_made_by ON commitments (made_by_id);

CREATE TABLE commitment_priorities (
    commitment_id  uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    priority_id    uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    PRIMARY KEY (commitment_id, priority_id)
);
CREATE INDEX commitment_priorities_priority ON commitment_priorities (priority_id);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON commitments
    FOR EACH ROW EXECUTE FUNCTION audit_row('commitment');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON commitment_priorities
    FOR EACH ROW EXECUTE FUNCTION audit_row('commitment_priority', 'commitment_id');
