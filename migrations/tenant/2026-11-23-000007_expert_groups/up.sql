-- Expert groups (one per theme), their members and priorities, and their reviews.
CREATE TABLE expert_groups (
    id               uuid PRIMARY KEY,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text NOT NULL DEFAULT '',
    -- A user of the platform (platform.users); checked by the service.
    chair_id         uuid,
    cadence          text NOT NULL DEFAULT 'half_yearly' CHECK (cadence IN ('half_yearly', 'yearly')),
    due_offset_days  integer NOT NULL DEFAULT 0 CHECK (due_offset_days BETWEEN 0 AND 90),
    -- The first period the group owes a review for.
    reviews_from     text NOT NULL CHECK (reviews_from ~ '^[0-9]{4}(-H[12])?$'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX expert_groups_name_key ON expert_groups (lower(name));

CREATE TABLE expert_group_priorities (
    group_id     uuid NOT NULL REFERENCES expert_groups (id) ON DELETE CASCADE,
    priority_id  uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    PRIMARY KEY (group_id, priority_id)
);
CREATE INDEX expert_group_priorities_priority ON expert_group_priorities (priority_id);

-- A member is a user of the platform, or someone without an account with a name and an email.
CREATE TABLE expert_group_members (
    id            uuid PRIMARY KEY,
    group_id      uuid NOT NULL REFERENCES expert_groups (id) ON DELETE CASCADE,
    user_id       uuid,
    name          text CHECK (length(name) BETWEEN 1 AND 200),
    organisation  text NOT NULL DEFAULT '',
    email         text,
    CHECK ((user_id IS NULL) = (name IS NOT NULL AND email IS NOT NULL))
);
CREATE UNIQUE INDEX expert_group_members_user_key ON expert_group_members (group_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX expert_group_members_email_key ON expert_group_members (group_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX expert_group_members_user ON expert_group_members (user_id);

CREATE TABLE reviews (
    id                uuid PRIMARY KEY,
    group_id          uuid NOT NULL REFERENCES expert_groups (id) ON DELETE RESTRICT,
    period            text NOT NULL CHECK (period ~ '^[0-9]{4}(-H[12])?$'),
    status            text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'ingediend', 'vastgesteld')),
    summary           text NOT NULL DEFAULT '',
    -- Users of the platform (platform.users).
    created_by        uuid NOT NULL,
    submitted_at      timestamptz,
    submitted_by      uuid,
    decided_at        timestamptz,
    decided_by        uuid,
    -- The last time it was sent back to concept, and why.
    sent_back_at      timestamptz,
    sent_back_by      uuid,
    sent_back_reason  text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (group_id, period),
    CHECK (status = 'concept' OR submitted_at IS NOT NULL),
    CHECK (status <> 'vastgesteld' OR decided_at IS NOT NULL)
);

CREATE TABLE review_items (
    id           uuid PRIMARY KEY,
    review_id    uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    priority_id  uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    status       text CHECK (status IN ('op_koers', 'aandacht_nodig', 'niet_op_koers')),
    progress     text NOT NULL DEFAULT '',
    activities   text NOT NULL DEFAULT '',
    risks        text NOT NULL DEFAULT '',
    UNIQUE (review_id, priority_id)
);
CREATE INDEX review_items_priority ON review_items (priority_id);

CREATE TABLE course_corrections (
    id            uuid PRIMARY KEY,
    review_id     uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    priority_id   uuid NOT NULL REFERENCES priorities (id) ON DELETE RESTRICT,
    position      integer NOT NULL,
    description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    owner         text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    owner_id      uuid,
    follow_up_on  date NOT NULL
);
CREATE INDEX course_corrections_review ON course_corrections (review_id, priority_id, position);
CREATE INDEX course_corrections_follow_up ON course_corrections (follow_up_on);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON expert_groups
    FOR EACH ROW EXECUTE FUNCTION audit_row('expert_group');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON expert_group_priorities
    FOR EACH ROW EXECUTE FUNCTION audit_row('expert_group_priority', 'group_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON expert_group_members
    FOR EACH ROW EXECUTE FUNCTION audit_row('expert_group_member');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION audit_row('review');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON review_items
    FOR EACH ROW EXECUTE FUNCTION audit_row('review_item');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON course_corrections
    FOR EACH ROW EXECUTE FUNCTION audit_row('course_correction');
