-- API tokens expire (ADR 10). A token issued before this migration gets a year from its
-- creation, and at least 30 days from now, so no integration stops without notice.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
UPDATE api_token
  SET expires_at = GREATEST(created_at + interval '365 days', now() + interval '30 days');
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_expires_at_check CHECK (expires_at > created_at);

-- Deactivating a user closes their sessions, found by user rather than by scanning the company's.
CREATE INDEX user_session_user_id_idx ON user_session (company_id, user_id);
