-- Late-payment rates as data (issue 9, docs/formulas.md "Late-payment penalties"): the
-- table Encaisse ships is PUBLISHED_RATES (src/dunning/published-rates.ts); a company
-- stores here only its own entries (a correction, a half-year published before Encaisse
-- ships it). The effective table is the published one overlaid by these rows.
--
-- `series`: ecb_mro, the ECB main refinancing operations rate (the legal penalty rate is
-- it plus 10 points); legal_professional, the legal interest rate for creditors other
-- than private persons (an agreed rate may not be below three times it).
-- `half_year`: 2026-H1 is January to June 2026. `basis_points`: 2,15 % is 215.
CREATE TABLE penalty_rate (
  company_id uuid NOT NULL,
  series text NOT NULL,
  half_year text NOT NULL,
  basis_points integer NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT penalty_rate_pkey PRIMARY KEY (company_id, series, half_year),
  CONSTRAINT penalty_rate_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT penalty_rate_series_check CHECK (series IN ('ecb_mro', 'legal_professional')),
  CONSTRAINT penalty_rate_half_year_check CHECK (half_year ~ '^[0-9]{4}-H[12]$'),
  CONSTRAINT penalty_rate_basis_points_check CHECK (basis_points BETWEEN 0 AND 5000)
);

-- A customer's agreed late-payment rate, in basis points a year (NULL: the legal rate,
-- the ECB rate plus 10 points).
ALTER TABLE customer_dunning ADD COLUMN contractual_rate_bps integer;
ALTER TABLE customer_dunning
  ADD CONSTRAINT customer_dunning_contractual_rate_bps_check
    CHECK (contractual_rate_bps BETWEEN 0 AND 10000);
