-- Credit management (issue 12, docs/credit.md, ADR 25): the limits decided per legal entity,
-- the company's credit policy, the orders the ERP sends, the exceptions granted over a limit,
-- and the alerts raised when an exposure crosses a threshold.

-- A legal entity is its SIREN: every account of one SIREN shares its limit. An account
-- without a SIREN (a foreign customer, a private person) is its own entity. `customer.siren`
-- is looked up to find an entity's accounts.
CREATE INDEX customer_siren_idx ON customer (company_id, siren) WHERE siren IS NOT NULL;

-- A limit as decided. One current row per entity (`superseded_at` NULL); a new decision
-- supersedes the current one in the same transaction, so the history is every decision.
-- `amount_cents` 0 is a zero limit (nothing on credit), which is not the absence of a row
-- (no limit). `covered_cents` is the part covered by credit insurance or another guarantee
-- (`cover`), at most the limit. `authority_level` is the decider's (1 collector,
-- 2 credit manager, 3 administrator: credit_setting says how far each goes); `decided_by`
-- has no key to the users (auth's), and the name is kept as it was.
-- `source`: `decision` (taken in Encaisse), `import` (a limits file from the ERP or insurer).
-- An account with no row here falls back to the limit typed on its customer record
-- (`customer.credit_limit_cents`, undecided); a decision writes that copy on each of the
-- entity's accounts, so the form shows the limit in force (ADR 25).
CREATE TABLE credit_limit (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  siren char(9),
  customer_id uuid,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  covered_cents bigint NOT NULL DEFAULT 0,
  cover text,
  valid_from date NOT NULL,
  review_on date,
  expires_on date,
  authority_level integer NOT NULL,
  decided_by uuid,
  decided_by_name text,
  source text NOT NULL,
  reason text,
  decided_at timestamptz NOT NULL,
  superseded_at timestamptz,
  CONSTRAINT credit_limit_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT credit_limit_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT credit_limit_entity_check CHECK ((siren IS NULL) <> (customer_id IS NULL)),
  CONSTRAINT credit_limit_amount_cents_check CHECK (amount_cents BETWEEN 0 AND 999999999999999),
  CONSTRAINT credit_limit_covered_cents_check CHECK (covered_cents BETWEEN 0 AND amount_cents),
  CONSTRAINT credit_limit_cover_check
    CHECK (cover IS NULL OR cover IN ('credit_insurance', 'bank_guarantee', 'parent_guarantee', 'other')),
  CONSTRAINT credit_limit_dates_check
    CHECK ((expires_on IS NULL OR expires_on >= valid_from) AND (review_on IS NULL OR review_on >= valid_from)),
  CONSTRAINT credit_limit_authority_level_check CHECK (authority_level BETWEEN 1 AND 3),
  CONSTRAINT credit_limit_source_check CHECK (source IN ('decision', 'import'))
);
CREATE UNIQUE INDEX credit_limit_current_siren_key ON credit_limit (company_id, siren)
  WHERE superseded_at IS NULL AND siren IS NOT NULL;
CREATE UNIQUE INDEX credit_limit_current_customer_key ON credit_limit (company_id, customer_id)
  WHERE superseded_at IS NULL AND customer_id IS NOT NULL;
-- An entity's history, newest first.
CREATE INDEX credit_limit_history_idx ON credit_limit (company_id, siren, customer_id, decided_at);

-- The company's credit policy: the thresholds, what a customer without a limit gets, and how
-- far each authority level may go (NULL: no ceiling). One row per company, absent = defaults.
CREATE TABLE credit_setting (
  company_id uuid NOT NULL,
  alert_bps integer NOT NULL DEFAULT 8000,
  block_bps integer NOT NULL DEFAULT 10000,
  without_limit text NOT NULL DEFAULT 'accept',
  collector_limit_max_cents bigint,
  collector_exception_max_cents bigint,
  manager_limit_max_cents bigint,
  manager_exception_max_cents bigint,
  updated_at timestamptz NOT NULL,
  CONSTRAINT credit_setting_pkey PRIMARY KEY (company_id),
  CONSTRAINT credit_setting_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT credit_setting_thresholds_check
    CHECK (alert_bps BETWEEN 1 AND 100000 AND block_bps BETWEEN 1 AND 100000 AND alert_bps <= block_bps),
  CONSTRAINT credit_setting_without_limit_check CHECK (without_limit IN ('accept', 'hold')),
  CONSTRAINT credit_setting_ceilings_check CHECK (
    coalesce(collector_limit_max_cents, 0) >= 0 AND coalesce(collector_exception_max_cents, 0) >= 0
    AND coalesce(manager_limit_max_cents, 0) >= 0 AND coalesce(manager_exception_max_cents, 0) >= 0)
);

-- An order from the ERP. `status`:
--   pending_check  received, not checked yet (a check that could not be made);
--   validated      accepted by the credit check or released: counts in the exposure;
--   held           refused by the check (`hold_reason`), waiting for a decision;
--   delivered      shipped (`delivered_on`): still counts until invoiced;
--   invoiced       invoiced in full: the invoice carries the exposure from then on;
--   cancelled      withdrawn or refused for good.
-- What a validated or delivered order adds is what remains to invoice, `amount_cents -
-- invoiced_cents` (pro rata of a partly invoiced order). `prepayment_required` is the decision
-- « on prepayment »: the order waits for the money. The checklist's three booleans are the
-- validation the issue asks sales to confirm.
CREATE TABLE sales_order (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  number text NOT NULL,
  customer_id uuid NOT NULL,
  ordered_on date NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  invoiced_cents bigint NOT NULL DEFAULT 0,
  expected_delivery_on date,
  delivered_on date,
  special_conditions text,
  prices_agreed boolean NOT NULL DEFAULT false,
  delivery_date_confirmed boolean NOT NULL DEFAULT false,
  confirmation_sent boolean NOT NULL DEFAULT false,
  status text NOT NULL,
  hold_reason text,
  prepayment_required boolean NOT NULL DEFAULT false,
  exception_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT sales_order_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT sales_order_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT sales_order_company_id_number_key UNIQUE (company_id, number),
  CONSTRAINT sales_order_amount_cents_check CHECK (amount_cents BETWEEN 1 AND 9999999999999),
  CONSTRAINT sales_order_invoiced_cents_check CHECK (invoiced_cents BETWEEN 0 AND amount_cents),
  CONSTRAINT sales_order_status_check CHECK (status IN
    ('pending_check', 'validated', 'held', 'delivered', 'invoiced', 'cancelled')),
  CONSTRAINT sales_order_hold_reason_check CHECK ((status = 'held') = (hold_reason IS NOT NULL)),
  CONSTRAINT sales_order_delivered_on_check CHECK (delivered_on IS NULL OR delivered_on >= ordered_on)
);
-- The exposure's orders: what remains to invoice of an account's live orders, read by index only.
CREATE INDEX sales_order_live_idx ON sales_order (company_id, customer_id, currency)
  INCLUDE (amount_cents, invoiced_cents) WHERE status IN ('validated', 'delivered');
-- A customer's orders, newest first; the held ones for the credit manager's queue.
CREATE INDEX sales_order_customer_idx ON sales_order (company_id, customer_id, ordered_on);
CREATE INDEX sales_order_held_idx ON sales_order (company_id, ordered_on) WHERE status = 'held';

-- An exception over the limit: room of `amount_cents` more than the limit for an entity, until
-- `expires_on`, granted by someone of `authority_level` for `reason`; for one order when
-- `order_id` is set. Revoked early by `revoked_at`.
CREATE TABLE credit_exception (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  siren char(9),
  customer_id uuid,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  expires_on date NOT NULL,
  reason text NOT NULL,
  order_id uuid,
  authority_level integer NOT NULL,
  granted_by uuid,
  granted_by_name text,
  granted_on date NOT NULL,
  granted_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CONSTRAINT credit_exception_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT credit_exception_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT credit_exception_order_id_fkey FOREIGN KEY (company_id, order_id)
    REFERENCES sales_order (company_id, id),
  CONSTRAINT credit_exception_entity_check CHECK ((siren IS NULL) <> (customer_id IS NULL)),
  CONSTRAINT credit_exception_amount_cents_check CHECK (amount_cents BETWEEN 1 AND 9999999999999),
  CONSTRAINT credit_exception_reason_check CHECK (btrim(reason) <> ''),
  CONSTRAINT credit_exception_expires_on_check CHECK (expires_on >= granted_on),
  CONSTRAINT credit_exception_authority_level_check CHECK (authority_level BETWEEN 1 AND 3)
);
CREATE INDEX credit_exception_live_idx ON credit_exception (company_id, siren, customer_id, expires_on)
  WHERE revoked_at IS NULL;

-- An alert: the entity's exposure crossed a threshold (`level` alert or block) on `raised_on`.
-- One open alert per entity and level; it is closed (`cleared_at`) when the exposure comes back
-- under it, so the next crossing raises a new one and the same crossing never twice.
CREATE TABLE credit_alert (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  siren char(9),
  customer_id uuid,
  level text NOT NULL,
  exposure_cents bigint NOT NULL,
  limit_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  raised_on date NOT NULL,
  raised_at timestamptz NOT NULL,
  cleared_at timestamptz,
  CONSTRAINT credit_alert_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT credit_alert_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT credit_alert_entity_check CHECK ((siren IS NULL) <> (customer_id IS NULL)),
  CONSTRAINT credit_alert_level_check CHECK (level IN ('alert', 'block'))
);
CREATE UNIQUE INDEX credit_alert_open_siren_key ON credit_alert (company_id, siren, level)
  WHERE cleared_at IS NULL AND siren IS NOT NULL;
CREATE UNIQUE INDEX credit_alert_open_customer_key ON credit_alert (company_id, customer_id, level)
  WHERE cleared_at IS NULL AND customer_id IS NOT NULL;
CREATE INDEX credit_alert_raised_idx ON credit_alert (company_id, raised_at);

-- A credit hold on an account (`customer.status` on_hold while one is open), and why: the
-- exposure crossed the limit (`over_limit`), a dunning step (`dunning`), or a person
-- (`manual`). Released by someone with authority, with the way out (`release_kind`: an
-- exception, a limit raised, a prepayment, the exposure back under the limit) and a reason.
CREATE TABLE credit_hold (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  source text NOT NULL,
  reason text,
  placed_by uuid,
  placed_by_name text,
  placed_at timestamptz NOT NULL,
  released_at timestamptz,
  released_by uuid,
  released_by_name text,
  release_kind text,
  release_reason text,
  CONSTRAINT credit_hold_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT credit_hold_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT credit_hold_source_check CHECK (source IN ('over_limit', 'dunning', 'manual')),
  CONSTRAINT credit_hold_release_kind_check CHECK (release_kind IS NULL OR release_kind IN
    ('exception', 'limit_raised', 'prepayment', 'under_limit', 'decision')),
  CONSTRAINT credit_hold_released_check CHECK ((released_at IS NULL) = (release_kind IS NULL))
);
CREATE UNIQUE INDEX credit_hold_open_key ON credit_hold (company_id, customer_id)
  WHERE released_at IS NULL;
