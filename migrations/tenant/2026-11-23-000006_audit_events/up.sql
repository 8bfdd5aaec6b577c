-- Every create, update and delete of the tenant's data, written by triggers in the same transaction
-- as the change itself, so that no code path can change data without leaving a trace.
CREATE TABLE audit_events (
    id              bigserial PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    -- A user of the platform (platform.users); NULL for the platform itself (demo data, imports
    -- run by the system). Set per transaction by the tenancy entry point (`app.actor_id`).
    actor_id        uuid,
    entity_type     text NOT NULL,
    entity_id       uuid NOT NULL,
    action          text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    before          jsonb,
    after           jsonb,
    changed_fields  text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, id);

-- The trail is append-only, also for the tenant's own role.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events cannot be changed or deleted';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Records one row's change. Arguments: the entity type as the API names it, and optionally the
-- column holding the entity's id (default `id`; link tables name their owner's column).
-- Timestamps kept by the table itself are left out: the event has its own time. An update that
-- changes nothing else leaves no event.
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row  jsonb;
    new_row  jsonb;
    changed  text[];
    id_col   text := coalesce(TG_ARGV[1], 'id');
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_row := to_jsonb(OLD) - 'created_at' - 'updated_at';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_row := to_jsonb(NEW) - 'created_at' - 'updated_at';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
        FROM jsonb_each(new_row) n
        WHERE n.value IS DISTINCT FROM old_row -> n.key;
        IF cardinality(changed) = 0 THEN
            RETURN NULL;
        END IF;
    ELSE
        SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO changed
        FROM jsonb_object_keys(coalesce(new_row, old_row)) k;
    END IF;
    EXECUTE format(
        'INSERT INTO %I.audit_events (actor_id, entity_type, entity_id, action, before, after, changed_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7)', TG_TABLE_SCHEMA)
    USING nullif(current_setting('app.actor_id', true), '')::uuid,
          TG_ARGV[0],
          (coalesce(new_row, old_row) ->> id_col)::uuid,
          CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
          old_row, new_row, changed;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON municipalities
    FOR EACH ROW EXECUTE FUNCTION audit_row('municipality');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON districts
    FOR EACH ROW EXECUTE FUNCTION audit_row('district');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION audit_row('plan');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON priorities
    FOR EACH ROW EXECUTE FUNCTION audit_row('priority');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON actions
    FOR EACH ROW EXECUTE FUNCTION audit_row('action');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicators
    FOR EACH ROW EXECUTE FUNCTION audit_row('indicator');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator_targets
    FOR EACH ROW EXECUTE FUNCTION audit_row('indicator_target');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON measurements
    FOR EACH ROW EXECUTE FUNCTION audit_row('measurement');
