-- Spares hold no data: their schemas and roles go with the table. A schema is dropped as its
-- own role (its owner), the role then as the platform's login role. A spare whose schema or role
-- is gone already is skipped. The worker's queued keeping of spares goes too.
DO $$
DECLARE
    spare uuid;
    name text;
BEGIN
    FOR spare IN SELECT id FROM platform.spare_schemas LOOP
        name := 'tn_' || replace(spare::text, '-', '');
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = name) THEN
                EXECUTE format('SET LOCAL ROLE %I', name);
                EXECUTE format('DROP SCHEMA %I CASCADE', name);
                SET LOCAL ROLE NONE;
            END IF;
            EXECUTE format('DROP ROLE %I', name);
        END IF;
    END LOOP;
END
$$;
DELETE FROM platform.jobs WHERE kind = 'prepare_spare_schemas';
DROP TABLE platform.spare_schemas;
