-- Disputes routed across departments (issue 10, docs/disputes.md). The dispute flag of
-- issue 9 (`invoice_dispute`, one invoice, a reason) becomes a dispute of one or more
-- invoices, each with its disputed part, a cause from the company's list, the department
-- and the person who must answer, a deadline, a status and an outcome; with a comment
-- thread and attachments. Rows of `invoice_dispute` are carried over as disputes of one
-- invoice ('delivery' became 'not_delivered'), then the table goes.

-- The company's own causes, over the defaults the code holds (src/disputes/causes.ts): a
-- row renames a default, changes its deadline or retires it, or adds a cause of its own.
-- `deadline_days`: the calendar days the department is given to answer.
CREATE TABLE dispute_cause (
  company_id uuid NOT NULL,
  code text NOT NULL,
  label text NOT NULL,
  deadline_days integer NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dispute_cause_pkey PRIMARY KEY (company_id, code),
  CONSTRAINT dispute_cause_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT dispute_cause_code_check CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  CONSTRAINT dispute_cause_label_check CHECK (char_length(label) BETWEEN 1 AND 80),
  CONSTRAINT dispute_cause_deadline_days_check CHECK (deadline_days BETWEEN 1 AND 365)
);

-- The departments that answer disputes (sales, logistics, production, billing…): their
-- members need no licence; the manager is who a late answer is escalated to.
CREATE TABLE department (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  default_assignee_name text,
  default_assignee_email text,
  manager_name text,
  manager_email text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT department_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT department_company_id_code_key UNIQUE (company_id, code),
  CONSTRAINT department_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT department_code_check CHECK (code ~ '^[a-z][a-z0-9_-]{0,39}$'),
  CONSTRAINT department_name_check CHECK (char_length(name) BETWEEN 1 AND 80)
);

-- A dispute. `amount_cents`: the disputed total (sum of its invoices' parts, as opened).
-- `status`: open → waiting_department → waiting_customer → resolved (any order before
-- resolved). `outcome` once resolved: justified (credit note issued or to issue, said by
-- `credit_note`), rejected (the customer must pay: the invoices go back in their
-- scenario), corrected (a corrected invoice), paid (closed by itself: its invoices were
-- paid). `source`: where it was opened (staff, agenda, portal). `sales_rep`: the
-- customer's sales rep when it was opened, for the reports by rep. `reminded_on` /
-- `escalated_on`: the last reminder to the person who must answer, and the day it went
-- to the department's manager. Actors: `*_by` is a user id when a user acted (no foreign
-- key: users are auth's), `*_by_name` the name as it was then.
CREATE TABLE dispute (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  reference text NOT NULL,
  customer_id uuid NOT NULL,
  cause text NOT NULL,
  description text,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  department_id uuid,
  assignee_name text,
  assignee_email text,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open',
  outcome text,
  credit_note text,
  source text NOT NULL DEFAULT 'staff',
  sales_rep text,
  raised_on date NOT NULL,
  raised_by uuid,
  raised_by_name text,
  resolved_on date,
  resolved_by uuid,
  resolved_by_name text,
  resolution_note text,
  reminded_on date,
  escalated_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dispute_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dispute_company_id_reference_key UNIQUE (company_id, reference),
  CONSTRAINT dispute_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT dispute_department_id_fkey FOREIGN KEY (company_id, department_id)
    REFERENCES department (company_id, id),
  CONSTRAINT dispute_amount_cents_check CHECK (amount_cents BETWEEN 1 AND 9999999999999),
  CONSTRAINT dispute_description_check CHECK (char_length(description) <= 2000),
  CONSTRAINT dispute_resolution_note_check CHECK (char_length(resolution_note) <= 2000),
  CONSTRAINT dispute_status_check
    CHECK (status IN ('open', 'waiting_department', 'waiting_customer', 'resolved')),
  CONSTRAINT dispute_outcome_check
    CHECK (outcome IS NULL OR outcome IN ('justified', 'rejected', 'corrected', 'paid')),
  CONSTRAINT dispute_credit_note_check
    CHECK (credit_note IS NULL OR (outcome = 'justified' AND credit_note IN ('issued', 'to_issue'))),
  CONSTRAINT dispute_source_check CHECK (source IN ('staff', 'agenda', 'portal')),
  CONSTRAINT dispute_resolved_check CHECK (
    (status = 'resolved') = (resolved_on IS NOT NULL)
    AND (status = 'resolved') = (outcome IS NOT NULL)
  ),
  CONSTRAINT dispute_resolved_on_check CHECK (resolved_on IS NULL OR resolved_on >= raised_on)
);
CREATE INDEX dispute_open_idx ON dispute (company_id, status, id) WHERE status <> 'resolved';
CREATE INDEX dispute_customer_idx ON dispute (company_id, customer_id, id);
CREATE INDEX dispute_department_idx ON dispute (company_id, department_id, id)
  WHERE status <> 'resolved';
-- The reports read resolved disputes by the day they closed.
CREATE INDEX dispute_resolved_idx ON dispute (company_id, resolved_on) WHERE resolved_on IS NOT NULL;

-- The invoices of a dispute and the part of each that is disputed (`disputed_cents`; NULL:
-- all that is open, whatever payments make of it). `is_open` repeats the dispute's state
-- so that one partial unique key keeps an invoice in one open dispute at most: two
-- collectors opening one at once, the second insert waits for the first and finds the key
-- taken (ON CONFLICT … DO NOTHING, answered 409). The daily run reads the held-back parts
-- through the same index.
CREATE TABLE dispute_invoice (
  company_id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  disputed_cents bigint,
  is_open boolean NOT NULL DEFAULT true,
  CONSTRAINT dispute_invoice_pkey PRIMARY KEY (company_id, dispute_id, invoice_id),
  CONSTRAINT dispute_invoice_dispute_id_fkey FOREIGN KEY (company_id, dispute_id)
    REFERENCES dispute (company_id, id),
  CONSTRAINT dispute_invoice_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT dispute_invoice_disputed_cents_check
    CHECK (disputed_cents IS NULL OR disputed_cents BETWEEN 1 AND 9999999999999)
);
CREATE UNIQUE INDEX dispute_invoice_open_key ON dispute_invoice (company_id, invoice_id)
  WHERE is_open;
CREATE INDEX dispute_invoice_invoice_idx ON dispute_invoice (company_id, invoice_id);

-- The thread: what the collector, the department, the customer or the system said.
-- `proposed_outcome`: a department member's proposal (justified, rejected, corrected).
CREATE TABLE dispute_comment (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  author_kind text NOT NULL,
  author_id uuid,
  author_name text,
  body text NOT NULL,
  proposed_outcome text,
  created_at timestamptz NOT NULL,
  CONSTRAINT dispute_comment_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dispute_comment_dispute_id_fkey FOREIGN KEY (company_id, dispute_id)
    REFERENCES dispute (company_id, id),
  CONSTRAINT dispute_comment_author_kind_check
    CHECK (author_kind IN ('staff', 'department', 'customer', 'system')),
  CONSTRAINT dispute_comment_body_check CHECK (char_length(body) BETWEEN 1 AND 5000),
  CONSTRAINT dispute_comment_proposed_outcome_check
    CHECK (proposed_outcome IS NULL OR proposed_outcome IN ('justified', 'rejected', 'corrected'))
);
CREATE INDEX dispute_comment_dispute_idx ON dispute_comment (company_id, dispute_id, id);

-- Proof kept with the dispute: a delivery receipt, an order, an e-mail. The bytes are in
-- the row (both databases keep them; the size is bounded by the service), with their
-- SHA-256 so that what is produced later is shown to be what was received.
CREATE TABLE dispute_attachment (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  dispute_id uuid NOT NULL,
  comment_id uuid,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 char(64) NOT NULL,
  content bytea NOT NULL,
  uploaded_by_kind text NOT NULL,
  uploaded_by_name text,
  created_at timestamptz NOT NULL,
  CONSTRAINT dispute_attachment_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dispute_attachment_dispute_id_fkey FOREIGN KEY (company_id, dispute_id)
    REFERENCES dispute (company_id, id),
  CONSTRAINT dispute_attachment_comment_id_fkey FOREIGN KEY (company_id, comment_id)
    REFERENCES dispute_comment (company_id, id),
  CONSTRAINT dispute_attachment_uploaded_by_kind_check
    CHECK (uploaded_by_kind IN ('staff', 'department', 'customer', 'system')),
  CONSTRAINT dispute_attachment_size_bytes_check CHECK (size_bytes BETWEEN 1 AND 10485760),
  CONSTRAINT dispute_attachment_file_name_check CHECK (char_length(file_name) BETWEEN 1 AND 200)
);
CREATE INDEX dispute_attachment_dispute_idx ON dispute_attachment (company_id, dispute_id, id);

-- Issue 9's rows, as disputes of one invoice. Their reference is made from their id's
-- order within the company (`LIT-000001`…), as new ones count on from there.
INSERT INTO dispute (
  company_id, id, reference, customer_id, cause, description, amount_cents, currency,
  deadline, status, outcome, source, raised_on, raised_by, raised_by_name,
  resolved_on, resolved_by, resolved_by_name, resolution_note, created_at, updated_at
)
SELECT d.company_id, d.id,
  'LIT-' || lpad((row_number() OVER (PARTITION BY d.company_id ORDER BY d.id))::text, 6, '0'),
  d.customer_id,
  CASE d.reason WHEN 'delivery' THEN 'not_delivered' ELSE d.reason END,
  d.note, COALESCE(d.amount_cents, GREATEST(i.open_cents, 1)), d.currency,
  d.raised_on + 15,
  CASE WHEN d.resolved_on IS NULL THEN 'open' ELSE 'resolved' END,
  CASE WHEN d.resolved_on IS NULL THEN NULL ELSE 'rejected' END,
  'staff', d.raised_on, d.raised_by, d.raised_by_name,
  d.resolved_on, d.resolved_by, d.resolved_by_name, d.resolution_note, d.created_at, d.updated_at
FROM invoice_dispute d
JOIN invoice i ON i.company_id = d.company_id AND i.id = d.invoice_id;

INSERT INTO dispute_invoice (company_id, dispute_id, invoice_id, customer_id, disputed_cents, is_open)
SELECT company_id, id, invoice_id, customer_id, amount_cents, resolved_on IS NULL
FROM invoice_dispute;

DROP TABLE invoice_dispute;

-- The last dispute number of each company: `LIT-` and the next one. Taken with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING, whose row lock makes two disputes opened at
-- once wait for each other's number rather than collide on the reference.
CREATE TABLE dispute_counter (
  company_id uuid NOT NULL,
  last_number integer NOT NULL,
  CONSTRAINT dispute_counter_pkey PRIMARY KEY (company_id),
  CONSTRAINT dispute_counter_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id)
);
INSERT INTO dispute_counter (company_id, last_number)
SELECT company_id, count(*) FROM dispute GROUP BY company_id;
