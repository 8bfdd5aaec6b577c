ALTER TABLE priorities ALTER COLUMN created_at SET DEFAULT now();
