-- The outbox, the jobs and the companies' SMTP settings (issue 9; ADR 21, src/jobs/).
--
-- A message is written in the transaction of the decision that makes it (a dunning step),
-- then delivered by a worker that claims a batch with `FOR UPDATE SKIP LOCKED` and a lease:
-- `queued` → `sending` (claimed, `lease_owner` until `lease_until`) → `sent`, back to
-- `queued` with `next_attempt_at` pushed by the backoff, `failed` (the reason in
-- `last_error`), or `bounced` (reported after it was sent). A `sending` message whose lease
-- ran out belongs to a worker that died: it is claimed again.
--
-- Channels: `email` and `sms` are delivered by the worker; a `letter` is a PDF to print
-- (`attachment`), and its delivery is its inclusion in a print batch: it stays `queued`
-- until the batch is produced, then is `sent` (docs/messages.md). The worker never claims
-- a letter.
--
-- `recipients`: e-mail addresses (email), phone numbers (sms), the postal address's lines
-- (letter). `source_type`/`source_id`: what made the message (a dunning action…), so its
-- maker can read back what became of it without reading this table.
CREATE TABLE outbox_message (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  channel text NOT NULL,
  recipients text[] NOT NULL,
  subject text,
  body_text text NOT NULL,
  body_html text,
  attachment_name text,
  attachment_type text,
  attachment bytea,
  customer_id uuid,
  source_type text NOT NULL,
  source_id text,
  status text NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  CONSTRAINT outbox_message_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT outbox_message_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT outbox_message_channel_check CHECK (channel IN ('email', 'sms', 'letter')),
  CONSTRAINT outbox_message_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'bounced')),
  CONSTRAINT outbox_message_recipients_check CHECK (cardinality(recipients) > 0),
  CONSTRAINT outbox_message_subject_check CHECK (channel <> 'email' OR subject IS NOT NULL),
  -- One attachment at most, named and typed; a letter is its PDF; an SMS carries none.
  CONSTRAINT outbox_message_attachment_check CHECK (
    (attachment IS NULL) = (attachment_name IS NULL)
    AND (attachment IS NULL) = (attachment_type IS NULL)
    AND (channel <> 'letter' OR attachment IS NOT NULL)
    AND (channel <> 'sms' OR attachment IS NULL)
  ),
  -- A lease is held only while `sending`, and then always.
  CONSTRAINT outbox_message_lease_check CHECK (
    (status = 'sending') = (lease_owner IS NOT NULL) AND (lease_owner IS NULL) = (lease_until IS NULL)
  ),
  CONSTRAINT outbox_message_sent_check CHECK ((status IN ('sent', 'bounced')) = (sent_at IS NOT NULL)),
  CONSTRAINT outbox_message_attempts_check CHECK (attempts >= 0)
);
-- The claim (src/jobs/outbox-store.ts): due messages of every company, oldest due first.
-- Partial, so that it holds only the work still to do; letters wait for a print batch.
CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at)
  WHERE status IN ('queued', 'sending') AND channel <> 'letter';
-- The messages view: a company's messages, newest first, by status.
CREATE INDEX outbox_message_list_idx ON outbox_message (company_id, status, created_at DESC, id);
-- Its maker reads back what became of its messages.
CREATE INDEX outbox_message_source_idx ON outbox_message (company_id, source_type, source_id);

-- Scheduled work: one row per run, unique on (company, kind, run key) so that two servers
-- scheduling the same run (`dunning_run`, `2026-12-02`) make one job. Claimed as messages
-- are: `queued` → `running` (leased) → `done`, back to `queued` after a failure with the
-- backoff, `failed` after the last attempt.
CREATE TABLE job (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL,
  run_key text NOT NULL,
  run_at timestamptz NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  CONSTRAINT job_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT job_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT job_company_id_kind_run_key_key UNIQUE (company_id, kind, run_key),
  CONSTRAINT job_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
  CONSTRAINT job_lease_check CHECK (
    (status = 'running') = (lease_owner IS NOT NULL) AND (lease_owner IS NULL) = (lease_until IS NULL)
  ),
  CONSTRAINT job_finished_check CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL)),
  CONSTRAINT job_attempts_check CHECK (attempts >= 0)
);
CREATE INDEX job_due_idx ON job (next_attempt_at) WHERE status IN ('queued', 'running');

-- A company's own SMTP server, through which its e-mails leave under its name.
-- `password` is stored as given: it is the company's own SMTP credential, and no key
-- management exists yet to encrypt it with (ADR 21, consequences). Only administrators
-- read or change it.
CREATE TABLE mail_setting (
  company_id uuid NOT NULL,
  host text NOT NULL,
  port integer NOT NULL,
  -- true: TLS from the first byte (465); false: STARTTLS when the server offers it (587, 25).
  secure boolean NOT NULL,
  username text,
  password text,
  from_address text NOT NULL,
  from_name text,
  reply_to text,
  updated_at timestamptz NOT NULL,
  CONSTRAINT mail_setting_pkey PRIMARY KEY (company_id),
  CONSTRAINT mail_setting_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT mail_setting_port_check CHECK (port BETWEEN 1 AND 65535),
  CONSTRAINT mail_setting_credentials_check CHECK ((username IS NULL) = (password IS NULL))
);
