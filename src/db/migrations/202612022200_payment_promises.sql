-- Payment promises (issue 9, docs/promises.md): what a customer promised to pay, by which
-- day, for which invoices; checked each day against the allocations on those invoices.

-- `status`:
--   live         waiting: not paid in full yet, and its day plus the grace days not past;
--   kept         paid in full (counted from `created_on` to `promised_on` + `grace_days`);
--   partly_kept  the day plus the grace days passed with part of it paid;
--   broken       the day plus the grace days passed with nothing paid;
--   cancelled    withdrawn by a collector, or replaced by a newer promise on its invoices.
-- `paid_cents` is what was counted when its fate was decided (`settled_on`); 0 while live.
-- `taken_by` is the user who took it (NULL for the CLI, an API token or a run), named in
-- `taken_by_name` as the actor was then; no foreign key: users are auth's, and a promise
-- keeps who took it whatever becomes of the account. `source_action_id` is the agenda
-- action it came from (dunning's), likewise without a key across owners.
CREATE TABLE payment_promise (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  promised_on date NOT NULL,
  grace_days integer NOT NULL,
  channel text NOT NULL,
  note text,
  taken_by uuid,
  taken_by_name text,
  status text NOT NULL DEFAULT 'live',
  paid_cents bigint NOT NULL DEFAULT 0,
  settled_on date,
  source_action_id uuid,
  created_on date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT payment_promise_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT payment_promise_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT payment_promise_amount_cents_check CHECK (amount_cents > 0),
  CONSTRAINT payment_promise_paid_cents_check CHECK (paid_cents >= 0),
  CONSTRAINT payment_promise_grace_days_check CHECK (grace_days BETWEEN 0 AND 60),
  CONSTRAINT payment_promise_channel_check
    CHECK (channel IN ('phone', 'email', 'letter', 'portal', 'meeting', 'other')),
  CONSTRAINT payment_promise_status_check
    CHECK (status IN ('live', 'kept', 'partly_kept', 'broken', 'cancelled')),
  CONSTRAINT payment_promise_settled_on_check CHECK ((status = 'live') = (settled_on IS NULL)),
  CONSTRAINT payment_promise_promised_on_check CHECK (promised_on >= created_on)
);
-- The daily check reads every live promise of the company.
CREATE INDEX payment_promise_live_idx ON payment_promise (company_id, promised_on)
  WHERE status = 'live';
-- A customer's promises, newest first; the company's list pages by id (time-ordered).
CREATE INDEX payment_promise_customer_idx ON payment_promise (company_id, customer_id, id);
-- The kept rate over the promises settled in a period.
CREATE INDEX payment_promise_settled_idx ON payment_promise (company_id, settled_on)
  WHERE settled_on IS NOT NULL;

-- The invoices a promise covers, with what was open on each when it was taken.
CREATE TABLE payment_promise_invoice (
  company_id uuid NOT NULL,
  promise_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  open_cents_at_promise bigint NOT NULL,
  CONSTRAINT payment_promise_invoice_pkey PRIMARY KEY (company_id, promise_id, invoice_id),
  CONSTRAINT payment_promise_invoice_promise_id_fkey FOREIGN KEY (company_id, promise_id)
    REFERENCES payment_promise (company_id, id) ON DELETE CASCADE,
  CONSTRAINT payment_promise_invoice_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT payment_promise_invoice_open_cents_check CHECK (open_cents_at_promise > 0)
);
-- "Which of these invoices are under a live promise" (the dunning run holds them back):
-- from the invoice to its promises, whose status is then read by their key.
CREATE INDEX payment_promise_invoice_invoice_idx
  ON payment_promise_invoice (company_id, invoice_id, promise_id);
