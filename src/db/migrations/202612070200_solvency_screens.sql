-- The solvency screen of a prospect (issue 12, docs/screening.md): the risk scores received by
-- SIREN, and each screen run with what it judged and what it recommended.

-- A risk score received for a SIREN: from a bureau or credit-insurer file (`origin` `file`,
-- `file_name` the file's), typed by a person for a screen (`manual`), or answered by a
-- provider's API during a screen (`provider`). `raw` is the score as its source gave it on
-- `scale`; `normalized` is it on 0-100, 100 the safest (NULL: a grade that says nothing,
-- Banque de France `0`). Incidents: how many and their total in euro cents, both or neither.
-- One assessment per SIREN, source and day: the same file imported again meets its own rows
-- and changes nothing; a file that corrects an assessment replaces it.
CREATE TABLE risk_score (
  company_id uuid NOT NULL,
  siren char(9) NOT NULL,
  source text NOT NULL,
  assessed_on date NOT NULL,
  raw text NOT NULL,
  scale text NOT NULL,
  normalized integer,
  incident_count integer,
  incident_amount_cents bigint,
  origin text NOT NULL,
  file_name text,
  received_at timestamptz NOT NULL,
  CONSTRAINT risk_score_pkey PRIMARY KEY (company_id, siren, source, assessed_on),
  CONSTRAINT risk_score_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT risk_score_scale_check CHECK (scale IN ('0-100', '1-20', '1-10', 'bdf')),
  CONSTRAINT risk_score_normalized_check CHECK (normalized BETWEEN 0 AND 100),
  CONSTRAINT risk_score_incidents_check CHECK (
    (incident_count IS NULL) = (incident_amount_cents IS NULL)
    AND coalesce(incident_count, 0) >= 0 AND coalesce(incident_amount_cents, 0) >= 0),
  CONSTRAINT risk_score_origin_check CHECK (origin IN ('file', 'manual', 'provider')),
  CONSTRAINT risk_score_file_name_check CHECK ((origin = 'file') = (file_name IS NOT NULL))
);
-- A SIREN's latest assessment.
CREATE INDEX risk_score_latest_idx ON risk_score (company_id, siren, assessed_on DESC, received_at DESC);

-- One screen of a customer, as it was run: on `screened_on` (the company's business date) at
-- `screened_at`, by a user (`screened_by`, no key to auth's users; NULL for the CLI or a
-- token) whose name is kept as it was. `verdict` and `deposit_bps` (a go with deposit only)
-- and `reasons` (`[{ code, params }]`, most serious first) are `recommend`'s; `policy` the
-- thresholds it applied. What it judged: `company` (the register's record or the one typed,
-- NULL: none), `proceedings` (the BODACC's judgements, `[]`: none known), `incidents` and
-- `score` (NULL: none). `sources`: each source asked and how it answered
-- (`[{ source, outcome, failure }]`); `notices`: what a person should know besides the
-- reasons (a source that failed, a BODACC notice half read), as issues `{ field, code, params }`.
CREATE TABLE solvency_screen (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  siren char(9) NOT NULL,
  siret char(14),
  screened_on date NOT NULL,
  screened_at timestamptz NOT NULL,
  screened_by uuid,
  screened_by_name text,
  verdict text NOT NULL,
  deposit_bps integer,
  reasons jsonb NOT NULL,
  policy jsonb NOT NULL,
  company jsonb,
  proceedings jsonb NOT NULL,
  incidents jsonb,
  score jsonb,
  sources jsonb NOT NULL,
  notices jsonb NOT NULL,
  CONSTRAINT solvency_screen_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT solvency_screen_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT solvency_screen_verdict_check CHECK (verdict IN ('go', 'go_with_deposit', 'no_go')),
  CONSTRAINT solvency_screen_deposit_bps_check CHECK (
    (verdict = 'go_with_deposit') = (deposit_bps IS NOT NULL)
    AND coalesce(deposit_bps, 1) BETWEEN 1 AND 10000)
);
-- A customer's screens, newest first.
CREATE INDEX solvency_screen_customer_idx ON solvency_screen (company_id, customer_id, screened_at DESC);
