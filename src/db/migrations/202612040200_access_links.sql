-- Links that open one narrow door without an account (issue 10, docs/portal.md): a
-- department member's to one dispute, a customer's to its own account (the portal). The
-- token is 256 random bits given once in the link; only its SHA-256 is kept, looked up
-- before the company is known (as sessions and API tokens are). A link expires, can be
-- revoked, and says whom it was given to; `message_id` ties a reminder's own link to it.
-- `last_used_at` is written at most once a minute (as for API tokens).
CREATE TABLE access_link (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  token_hash text NOT NULL,
  audience text NOT NULL,
  dispute_id uuid,
  customer_id uuid,
  recipient_name text,
  recipient_email text,
  message_id uuid,
  created_by_name text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  CONSTRAINT access_link_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT access_link_token_hash_key UNIQUE (token_hash),
  CONSTRAINT access_link_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT access_link_audience_check CHECK (
    (audience = 'department' AND dispute_id IS NOT NULL AND customer_id IS NOT NULL)
    OR (audience = 'customer' AND dispute_id IS NULL AND customer_id IS NOT NULL)
  ),
  CONSTRAINT access_link_expires_at_check CHECK (expires_at > created_at)
);
CREATE INDEX access_link_customer_idx ON access_link (company_id, customer_id, id)
  WHERE revoked_at IS NULL;
CREATE INDEX access_link_dispute_idx ON access_link (company_id, dispute_id, id)
  WHERE dispute_id IS NOT NULL;

-- A link's holder acts in the audit trail as what it is: a department member answering a
-- dispute, a customer on its portal (the actor id is the link's).
ALTER TABLE event DROP CONSTRAINT event_actor_type_check;
ALTER TABLE event ADD CONSTRAINT event_actor_type_check
  CHECK (actor_type IN ('user', 'api_token', 'system', 'cli', 'department', 'customer'));
