-- Dunning's stored configuration (issue 9, docs/dunning.md "Stored per company"): the
-- company's scenarios, its templates in French and English, its policy, and each
-- customer's own scenario and manual follow-up. Created with the French defaults on the
-- company's first use (src/dunning/service.ts), ON CONFLICT DO NOTHING, so two first uses
-- at once make one set.

-- A scenario's steps are the ScenarioStep[] of src/dunning/scenario.ts, checked by
-- checkScenario before they are stored. `risk_category`: the default scenario of the
-- customers of that category; `is_company_default`: of every other customer.
CREATE TABLE dunning_scenario (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  steps jsonb NOT NULL,
  risk_category text,
  is_company_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dunning_scenario_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dunning_scenario_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT dunning_scenario_steps_check CHECK (jsonb_typeof(steps) = 'array'),
  CONSTRAINT dunning_scenario_risk_category_check
    CHECK (risk_category IN ('low', 'standard', 'high', 'critical'))
);
-- One company default, and one default per risk category, per company.
CREATE UNIQUE INDEX dunning_scenario_company_default_key ON dunning_scenario (company_id)
  WHERE is_company_default;
CREATE UNIQUE INDEX dunning_scenario_risk_category_key ON dunning_scenario (company_id, risk_category)
  WHERE risk_category IS NOT NULL;

-- The words of the messages, one row per template and language (LiquidJS, checked by
-- checkTemplate before they are stored).
CREATE TABLE dunning_template (
  company_id uuid NOT NULL,
  template_id text NOT NULL,
  language text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dunning_template_pkey PRIMARY KEY (company_id, template_id, language),
  CONSTRAINT dunning_template_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT dunning_template_language_check CHECK (language IN ('fr', 'en')),
  CONSTRAINT dunning_template_template_id_check CHECK (template_id ~ '^[a-z0-9_]{1,64}$')
);

-- The company's settings of the daily run (DunningPolicy of scenario.ts, and its hour).
CREATE TABLE dunning_policy (
  company_id uuid NOT NULL,
  tolerance_cents bigint NOT NULL,
  min_days_between_contacts integer NOT NULL,
  run_hour smallint NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dunning_policy_pkey PRIMARY KEY (company_id),
  CONSTRAINT dunning_policy_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT dunning_policy_tolerance_cents_check CHECK (tolerance_cents >= 0),
  CONSTRAINT dunning_policy_min_days_between_contacts_check
    CHECK (min_days_between_contacts BETWEEN 0 AND 365),
  CONSTRAINT dunning_policy_run_hour_check CHECK (run_hour BETWEEN 0 AND 23)
);

-- A customer's own dunning settings, owned by dunning (the customer table is the
-- customers'): its scenario (NULL: its risk category's, else the company's) and whether a
-- collector follows it by hand. The foreign key to the scenario keeps an assigned
-- scenario from being deleted, whoever races.
CREATE TABLE customer_dunning (
  company_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  scenario_id uuid,
  manual_follow_up boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  CONSTRAINT customer_dunning_pkey PRIMARY KEY (company_id, customer_id),
  CONSTRAINT customer_dunning_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT customer_dunning_scenario_id_fkey FOREIGN KEY (company_id, scenario_id)
    REFERENCES dunning_scenario (company_id, id)
);
CREATE INDEX customer_dunning_scenario_id_idx ON customer_dunning (company_id, scenario_id)
  WHERE scenario_id IS NOT NULL;
