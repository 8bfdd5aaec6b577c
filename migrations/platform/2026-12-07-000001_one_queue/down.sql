ALTER TABLE platform.outbox
    ADD COLUMN status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    ADD COLUMN attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claimed_by text,
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN last_error text;

UPDATE platform.outbox o SET
    status = CASE j.status WHEN 'queued' THEN 'pending' WHEN 'running' THEN 'sending'
                           WHEN 'done' THEN 'sent' ELSE 'dead' END,
    attempts = j.attempts,
    next_attempt_at = j.run_at,
    claimed_by = j.claimed_by,
    claimed_until = j.locked_until,
    last_error = j.last_error
FROM platform.jobs j WHERE j.id = o.delivery_job_id;

ALTER TABLE platform.outbox DROP COLUMN delivery_job_id;
DELETE FROM platform.jobs WHERE kind = 'deliver_email';
ALTER TABLE platform.jobs DROP COLUMN claimed_by;

CREATE INDEX outbox_due ON platform.outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
DROP INDEX platform.jobs_ready;
CREATE INDEX jobs_ready ON platform.jobs (run_at) WHERE status = 'queued';
