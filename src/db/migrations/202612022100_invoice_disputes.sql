-- A dispute flag on an invoice (issue 9, docs/disputes.md): the customer contests the
-- invoice, or part of it, for a reason a credit manager recognises; the daily run holds
-- the invoice back while the dispute is open. Issue 10 grows it into disputes routed to
-- the departments (owner department and person, deadline, status, outcome).

-- `reason`: the cause the customer gives (issue 10 makes the list configurable, and drops
-- this check for a key to the company's own list).
-- `amount_cents`: the disputed part, in `currency` (the invoice's); NULL: the whole open
-- amount, whatever the invoice's payments make of it later.
-- `raised_by` / `resolved_by` are the users who did it (NULL for the CLI, an API token or
-- a run), named in `*_by_name` as the actor was then; no foreign key: users are auth's,
-- and a dispute keeps who raised it whatever becomes of the account.
-- `raised_on` / `resolved_on` are the company's business dates; a dispute is open while
-- `resolved_on` is NULL, and is never deleted: a resolved one is the invoice's history.
CREATE TABLE invoice_dispute (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  reason text NOT NULL,
  note text,
  amount_cents bigint,
  currency char(3) NOT NULL,
  raised_on date NOT NULL,
  raised_by uuid,
  raised_by_name text,
  resolved_on date,
  resolved_by uuid,
  resolved_by_name text,
  resolution_note text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT invoice_dispute_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT invoice_dispute_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT invoice_dispute_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT invoice_dispute_reason_check CHECK (
    reason IN ('price', 'quantity', 'quality', 'delivery', 'not_ordered', 'duplicate',
      'already_paid', 'other')
  ),
  CONSTRAINT invoice_dispute_amount_cents_check
    CHECK (amount_cents IS NULL OR amount_cents BETWEEN 1 AND 9999999999999),
  CONSTRAINT invoice_dispute_note_check CHECK (char_length(note) <= 2000),
  CONSTRAINT invoice_dispute_resolution_note_check CHECK (char_length(resolution_note) <= 2000),
  CONSTRAINT invoice_dispute_resolved_on_check
    CHECK (resolved_on IS NULL OR resolved_on >= raised_on)
);
-- At most one open dispute per invoice. Two collectors raising one at once: the second
-- insert waits for the first to commit, then finds the key taken (ON CONFLICT … DO
-- NOTHING in the store, answered 409). The daily run's "which of these invoices are
-- disputed" reads this index too.
CREATE UNIQUE INDEX invoice_dispute_open_invoice_key ON invoice_dispute (company_id, invoice_id)
  WHERE resolved_on IS NULL;
-- A customer's open disputes, and the company's, newest first (ids are time-ordered).
CREATE INDEX invoice_dispute_open_customer_idx ON invoice_dispute (company_id, customer_id, id)
  WHERE resolved_on IS NULL;
CREATE INDEX invoice_dispute_open_idx ON invoice_dispute (company_id, id)
  WHERE resolved_on IS NULL;
-- An invoice's disputes, open and resolved (its history).
CREATE INDEX invoice_dispute_invoice_idx ON invoice_dispute (company_id, invoice_id, id);
