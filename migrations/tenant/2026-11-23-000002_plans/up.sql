-- Policy plans: IVP, HUP, handhavingsstrategie, prioriteringsagenda, uitvoeringsplan.
CREATE TABLE plans (
    id          uuid PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    kind        text NOT NULL CHECK (kind IN ('ivp', 'hup', 'handhavingsstrategie', 'prioriteringsagenda', 'uitvoeringsplan')),
    start_year  integer NOT NULL CHECK (start_year BETWEEN 1990 AND 2100),
    end_year    integer NOT NULL CHECK (end_year BETWEEN 1990 AND 2100),
    status      text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'vastgesteld', 'afgelopen')),
    adopted_on  date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (end_year >= start_year),
    CHECK (status <> 'concept' OR adopted_on IS NULL)
);
CREATE INDEX plans_period ON plans (start_year, end_year);
