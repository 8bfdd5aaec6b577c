-- The worker's email: the outbox, and each user's notification settings. (Its jobs table,
-- platform.jobs, came with the platform schema.)

-- Every email, rendered and stored in the transaction that decides to send it, under a key that
-- makes the decision once: (tenant, kind, recipient, subject key — e.g. the review period and
-- the reminder day). The sender delivers it, marks it sent, and retries failures with backoff.
CREATE TABLE platform.outbox (
    id                 bigserial PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES platform.tenants (id) ON DELETE CASCADE,
    kind               text NOT NULL,
    recipient          text NOT NULL,
    recipient_user_id  uuid REFERENCES platform.users (id) ON DELETE SET NULL,
    subject_key        text NOT NULL,
    message_id         text NOT NULL UNIQUE,
    subject            text NOT NULL,
    body_text          text NOT NULL,
    body_html          text NOT NULL,
    unsubscribe_url    text,
    status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts           integer NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    claimed_by         text,
    claimed_until      timestamptz,
    last_error         text,
    sent_at            timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, kind, recipient, subject_key)
);
CREATE INDEX outbox_due ON platform.outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_tenant ON platform.outbox (tenant_id, created_at DESC);

-- How a user wants to hear from the platform. No row: the defaults (weekly digest, reminders on).
CREATE TABLE platform.notification_settings (
    user_id            uuid PRIMARY KEY REFERENCES platform.users (id) ON DELETE CASCADE,
    digest             text NOT NULL DEFAULT 'weekly' CHECK (digest IN ('weekly', 'monthly', 'off')),
    reminders          boolean NOT NULL DEFAULT true,
    -- The secret in the one-click unsubscribe link of every email to this user.
    unsubscribe_token  text NOT NULL UNIQUE,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Jobs whose runner may have stopped are looked up by their lock's end.
CREATE INDEX jobs_running ON platform.jobs (locked_until) WHERE status = 'running';
