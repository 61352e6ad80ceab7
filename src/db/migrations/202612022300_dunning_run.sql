-- The daily dunning run (issue 9, ADR 22, docs/dunning.md "The daily run"): what each run
-- did, the actions it made (a message handed to the outbox, a letter, a call, a task, an
-- approval waiting, a promise to check), the invoices each covers, and the step each open
-- invoice has reached.

-- One row per company and business date: whether that day's run finished, and what it did.
-- A second run for the date, or one resumed after a crash, updates the same row.
CREATE TABLE dunning_run (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  run_on date NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  CONSTRAINT dunning_run_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dunning_run_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT dunning_run_run_on_key UNIQUE (company_id, run_on)
);

-- What a collector or the outbox carries out. `kind`: a scenario step (`step`, its
-- channel in `channel`), or an item the agenda adds (`promise_due`, `promise_broken`,
-- `credits_to_apply`, `follow_up`). `dedupe_key` makes the run idempotent: one action per
-- customer, step and day, one per promise and fate, whatever runs twice or resumes.
-- `status`:
--   awaiting_approval  a collector must approve it (nothing went out yet);
--   queued             its message is in the outbox (`message_id`): its fate is the message's;
--   open               a call, a task or an agenda item to do;
--   done               carried out (called, approved, the hold or litigation applied);
--   dismissed          a collector decided it should not go out (the invoices move on);
--   cancelled          the invoices it covered were paid or credited before it was done.
CREATE TABLE dunning_action (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  dedupe_key text NOT NULL,
  run_on date NOT NULL,
  customer_id uuid NOT NULL,
  kind text NOT NULL,
  scenario_id uuid,
  scenario_name text,
  step_id text,
  step_offset integer,
  channel text,
  template_id text,
  status text NOT NULL,
  assignee_user_id uuid,
  total_open_cents bigint NOT NULL DEFAULT 0,
  currency char(3) NOT NULL,
  oldest_due_date date,
  due_on date NOT NULL,
  snoozed_until date,
  message_id uuid,
  promise_id uuid,
  outcome text,
  note text,
  completed_at timestamptz,
  completed_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT dunning_action_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT dunning_action_dedupe_key UNIQUE (company_id, dedupe_key),
  CONSTRAINT dunning_action_customer_id_fkey FOREIGN KEY (company_id, customer_id)
    REFERENCES customer (company_id, id),
  CONSTRAINT dunning_action_kind_check
    CHECK (kind IN ('step', 'promise_due', 'promise_broken', 'credits_to_apply', 'follow_up')),
  CONSTRAINT dunning_action_status_check
    CHECK (status IN ('awaiting_approval', 'queued', 'open', 'done', 'dismissed', 'cancelled')),
  CONSTRAINT dunning_action_channel_check
    CHECK (channel IN ('email', 'letter', 'sms', 'call', 'task', 'hold', 'litigation')),
  CONSTRAINT dunning_action_outcome_check CHECK (outcome IN (
    'reached', 'voicemail', 'wrong_number', 'promise_given', 'dispute_raised', 'says_paid',
    'other', 'approved', 'dismissed'
  ))
);
-- The agenda: what is still to do, by company (and collector), ranked in the query.
CREATE INDEX dunning_action_todo_idx ON dunning_action (company_id, assignee_user_id)
  WHERE status IN ('awaiting_approval', 'open');
-- A customer's history, and its last contact.
CREATE INDEX dunning_action_customer_idx ON dunning_action (company_id, customer_id, run_on);
CREATE INDEX dunning_action_message_idx ON dunning_action (company_id, message_id)
  WHERE message_id IS NOT NULL;

-- The invoices an action covers, with what was open on each when it was decided.
CREATE TABLE dunning_action_invoice (
  company_id uuid NOT NULL,
  action_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  open_cents bigint NOT NULL,
  CONSTRAINT dunning_action_invoice_pkey PRIMARY KEY (company_id, action_id, invoice_id),
  CONSTRAINT dunning_action_invoice_action_id_fkey FOREIGN KEY (company_id, action_id)
    REFERENCES dunning_action (company_id, id) ON DELETE CASCADE
);
CREATE INDEX dunning_action_invoice_invoice_idx ON dunning_action_invoice (company_id, invoice_id);

-- The step each invoice in a scenario has reached: the day, and the action that carries it
-- out (its status, and its message's, say whether the step was carried out). Deleted when
-- the invoice leaves the scenario (paid or credited in full).
CREATE TABLE invoice_dunning (
  company_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  step_id text NOT NULL,
  reached_on date NOT NULL,
  action_id uuid NOT NULL,
  CONSTRAINT invoice_dunning_pkey PRIMARY KEY (company_id, invoice_id),
  CONSTRAINT invoice_dunning_action_id_fkey FOREIGN KEY (company_id, action_id)
    REFERENCES dunning_action (company_id, id)
);
CREATE INDEX invoice_dunning_customer_idx ON invoice_dunning (company_id, customer_id);

-- The language a customer's messages are written in (NULL: French).
ALTER TABLE customer_dunning ADD COLUMN language text;
ALTER TABLE customer_dunning
  ADD CONSTRAINT customer_dunning_language_check CHECK (language IN ('fr', 'en'));
