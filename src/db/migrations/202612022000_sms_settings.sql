-- The companies' SMS provider (issue 9; ADR 21, src/jobs/sms-webhook.ts): a generic HTTP
-- webhook each SMS is POSTed to as JSON, with the company's bearer token. One row per
-- company; none while it has not set one (its SMS then wait, retried, as e-mails do without
-- `mail_setting`).
--
-- `token` is the company's credential for its own provider, stored as given, like the SMTP
-- password (ADR 21, Consequences): readable only through the admin-only use cases.
CREATE TABLE sms_setting (
  company_id uuid NOT NULL,
  url text NOT NULL,
  token text,
  -- The sender name or number the provider shows, when it lets the company choose.
  sender text,
  updated_at timestamptz NOT NULL,
  CONSTRAINT sms_setting_pkey PRIMARY KEY (company_id),
  CONSTRAINT sms_setting_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT sms_setting_url_check CHECK (url ~ '^https?://')
);

-- The messages view (GET /api/messages) pages newest first by (created_at, id), with no
-- OFFSET: every company's messages, and one customer's.
CREATE INDEX outbox_message_newest_idx ON outbox_message (company_id, created_at DESC, id DESC);
CREATE INDEX outbox_message_customer_idx
  ON outbox_message (company_id, customer_id, created_at DESC, id DESC)
  WHERE customer_id IS NOT NULL;
