-- Priorities have no position of their own: the order they were entered is the plan's order,
-- and the Veiligheidsbrief follows it. now() is the same for every row of one transaction, so
-- priorities entered together (an import, the demo data) would tie; clock_timestamp() does not.
ALTER TABLE priorities ALTER COLUMN created_at SET DEFAULT clock_timestamp();
