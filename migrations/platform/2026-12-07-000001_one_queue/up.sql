-- One queue. Sending an email becomes a job of platform.jobs (kind 'deliver_email'), claimed,
-- leased, retried with backoff and given up exactly like every other job of the worker. The
-- outbox keeps what was decided and rendered, and when it was sent; its delivery state is its
-- job's.

-- Only the worker holding a claim may finish it (jobs had no such guard; emails had).
ALTER TABLE platform.jobs ADD COLUMN claimed_by text;

ALTER TABLE platform.outbox ADD COLUMN delivery_job_id uuid UNIQUE;

INSERT INTO platform.jobs (id, kind, tenant_id, dedup_key, payload, status, attempts,
                           max_attempts, run_at, locked_until, claimed_by, last_error,
                           created_at, updated_at)
SELECT gen_random_uuid(), 'deliver_email', tenant_id, 'email:' || id,
       jsonb_build_object('emailId', id),
       CASE status WHEN 'pending' THEN 'queued' WHEN 'sending' THEN 'running'
                   WHEN 'sent' THEN 'done' ELSE 'dead' END,
       attempts, 100, next_attempt_at, claimed_until, claimed_by, last_error,
       created_at, coalesce(sent_at, created_at)
FROM platform.outbox;

UPDATE platform.outbox o SET delivery_job_id = j.id
FROM platform.jobs j WHERE j.dedup_key = 'email:' || o.id;

-- Every email has exactly one delivery job. The key is deferred so that an email and its job are
-- stored in either order within one transaction.
ALTER TABLE platform.outbox ALTER COLUMN delivery_job_id SET NOT NULL;
ALTER TABLE platform.outbox ADD CONSTRAINT outbox_delivery_job_id_fkey
    FOREIGN KEY (delivery_job_id) REFERENCES platform.jobs (id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE platform.outbox
    DROP COLUMN status,
    DROP COLUMN attempts,
    DROP COLUMN next_attempt_at,
    DROP COLUMN claimed_by,
    DROP COLUMN claimed_until,
    DROP COLUMN last_error;

-- Each lane of the worker takes the due jobs of its own kinds.
DROP INDEX platform.jobs_ready;
CREATE INDEX jobs_ready ON platform.jobs (kind, run_at) WHERE status = 'queued';
