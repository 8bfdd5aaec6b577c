-- Spares hold no data: their schemas and roles go with the table. A schema is dropped as its
-- own role (its owner), the role then as the platform's login role.
DO $$
DECLARE
    spare uuid;
    name text;
BEGIN
    FOR spare IN SELECT id FROM platform.spare_schemas LOOP
        name := 'tn_' || replace(spare::text, '-', '');
        EXECUTE format('SET LOCAL ROLE %I', name);
        EXECUTE format('DROP SCHEMA %I CASCADE', name);
        SET LOCAL ROLE NONE;
        EXECUTE format('DROP ROLE %I', name);
    END LOOP;
END
$$;
DROP TABLE platform.spare_schemas;
