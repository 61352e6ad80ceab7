-- Core ledger: companies, users, customers, invoices/credit notes, payments,
-- allocations and the append-only event trail. Every table carries company_id and
-- its primary key starts with it, so a cluster can shard by company.
-- Money is BIGINT minor units (*_cents), business dates are DATE.

CREATE TABLE company (
  id uuid NOT NULL,
  code text NOT NULL,
  legal_name text NOT NULL,
  siren text,
  vat_number text,
  address_line1 text,
  address_line2 text,
  postal_code text,
  city text,
  country text NOT NULL DEFAULT 'FR',
  currency char(3) NOT NULL DEFAULT 'EUR',
  time_zone text NOT NULL DEFAULT 'Europe/Paris',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT company_pkey PRIMARY KEY (id),
  CONSTRAINT company_code_key UNIQUE (code),
  CONSTRAINT company_code_check CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);

CREATE TABLE app_user (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL,
  password_hash text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT app_user_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT app_user_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  -- One login per e-mail address: the sign-in form asks no company.
  CONSTRAINT app_user_email_key UNIQUE (email),
  CONSTRAINT app_user_role_check CHECK (role IN ('admin', 'credit_manager', 'collector', 'department_member', 'read_only'))
);

CREATE TABLE user_session (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CONSTRAINT user_session_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT user_session_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id) ON DELETE CASCADE,
  CONSTRAINT user_session_token_hash_key UNIQUE (token_hash)
);

CREATE TABLE api_token (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  token_hash text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  CONSTRAINT api_token_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT api_token_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT api_token_token_hash_key UNIQUE (token_hash),
  CONSTRAINT api_token_role_check CHECK (role IN ('admin', 'credit_manager', 'collector', 'department_member', 'read_only'))
);

CREATE TABLE customer (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  code text NOT NULL,
  legal_name text NOT NULL,
  siren char(9),
  siret char(14),
  vat_number text,
  billing_address_line1 text,
  billing_address_line2 text,
  billing_postal_code text,
  billing_city text,
  billing_country char(2) NOT NULL DEFAULT 'FR',
  delivery_address_line1 text,
  delivery_address_line2 text,
  delivery_postal_code text,
  delivery_city text,
  delivery_country char(2),
  payment_terms text NOT NULL DEFAULT 'net:30',
  payment_method text NOT NULL DEFAULT 'transfer',
  deposit_bps integer NOT NULL DEFAULT 0,
  credit_limit_cents bigint,
  collector_user_id uuid,
  sales_rep text,
  risk_category text NOT NULL DEFAULT 'standard',
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT customer_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT customer_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT customer_collector_user_id_fkey FOREIGN KEY (company_id, collector_user_id) REFERENCES app_user (company_id, id),
  CONSTRAINT customer_company_id_code_key UNIQUE (company_id, code),
  CONSTRAINT customer_payment_method_check CHECK (payment_method IN ('transfer', 'sepa_direct_debit', 'lcr', 'card', 'cheque', 'cash')),
  CONSTRAINT customer_deposit_bps_check CHECK (deposit_bps BETWEEN 0 AND 10000),
  CONSTRAINT customer_risk_category_check CHECK (risk_category IN ('low', 'standard', 'high', 'critical')),
  CONSTRAINT customer_status_check CHECK (status IN ('prospect', 'active', 'on_hold', 'in_litigation', 'closed'))
);
CREATE INDEX customer_company_id_legal_name_idx ON customer (company_id, lower(legal_name));

CREATE TABLE customer_contact (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  role text NOT NULL,
  name text,
  email text,
  phone text,
  CONSTRAINT customer_contact_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT customer_contact_customer_id_fkey FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  CONSTRAINT customer_contact_role_check CHECK (role IN ('billing', 'accounts_payable', 'purchasing', 'management', 'other'))
);
CREATE INDEX customer_contact_customer_id_idx ON customer_contact (company_id, customer_id);

-- Invoices and credit notes share one table: both are open items of a customer.
-- amount_cents is always positive; `kind` gives the direction. open_cents is what
-- is still to be paid (invoice) or still to be used (credit note).
CREATE TABLE invoice (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'invoice',
  number text NOT NULL,
  issue_date date NOT NULL,
  due_date date NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  open_cents bigint NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT invoice_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT invoice_customer_id_fkey FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  CONSTRAINT invoice_company_id_kind_number_key UNIQUE (company_id, kind, number),
  CONSTRAINT invoice_kind_check CHECK (kind IN ('invoice', 'credit_note')),
  CONSTRAINT invoice_amount_cents_check CHECK (amount_cents > 0),
  CONSTRAINT invoice_open_cents_check CHECK (open_cents BETWEEN 0 AND amount_cents),
  CONSTRAINT invoice_status_check CHECK (status IN ('open', 'partially_paid', 'paid')),
  CONSTRAINT invoice_due_date_check CHECK (due_date >= issue_date)
);
CREATE INDEX invoice_customer_id_idx ON invoice (company_id, customer_id, due_date);
CREATE INDEX invoice_open_idx ON invoice (company_id, due_date) WHERE open_cents > 0;

CREATE TABLE payment (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  reference text NOT NULL,
  received_on date NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  unapplied_cents bigint NOT NULL,
  method text NOT NULL DEFAULT 'transfer',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payment_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT payment_customer_id_fkey FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id),
  CONSTRAINT payment_company_id_reference_key UNIQUE (company_id, reference),
  CONSTRAINT payment_amount_cents_check CHECK (amount_cents > 0),
  CONSTRAINT payment_unapplied_cents_check CHECK (unapplied_cents BETWEEN 0 AND amount_cents),
  CONSTRAINT payment_method_check CHECK (method IN ('transfer', 'sepa_direct_debit', 'lcr', 'card', 'cheque', 'cash'))
);
CREATE INDEX payment_customer_id_idx ON payment (company_id, customer_id, received_on);

-- Lettrage: a payment or a credit note applied to an invoice. Undoing keeps the
-- row (undone_at) so the history stays readable.
CREATE TABLE allocation (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  payment_id uuid,
  credit_note_id uuid,
  amount_cents bigint NOT NULL,
  allocated_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  CONSTRAINT allocation_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT allocation_invoice_id_fkey FOREIGN KEY (company_id, invoice_id) REFERENCES invoice (company_id, id),
  CONSTRAINT allocation_payment_id_fkey FOREIGN KEY (company_id, payment_id) REFERENCES payment (company_id, id),
  CONSTRAINT allocation_credit_note_id_fkey FOREIGN KEY (company_id, credit_note_id) REFERENCES invoice (company_id, id),
  CONSTRAINT allocation_amount_cents_check CHECK (amount_cents > 0),
  CONSTRAINT allocation_source_check CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
CREATE INDEX allocation_invoice_id_idx ON allocation (company_id, invoice_id);
CREATE INDEX allocation_payment_id_idx ON allocation (company_id, payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocation_credit_note_id_idx ON allocation (company_id, credit_note_id) WHERE credit_note_id IS NOT NULL;

-- The audit trail and every customer's timeline. Append-only: a trigger refuses
-- UPDATE and DELETE, because a court may ask for it.
CREATE TABLE event (
  company_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL,
  actor_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  customer_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT event_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT event_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT event_actor_type_check CHECK (actor_type IN ('user', 'api_token', 'system', 'cli'))
);
CREATE INDEX event_customer_id_idx ON event (company_id, customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX event_entity_idx ON event (company_id, entity_type, entity_id);

CREATE FUNCTION event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event rows are append-only';
END;
$$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
  FOR EACH ROW EXECUTE FUNCTION event_is_append_only();
