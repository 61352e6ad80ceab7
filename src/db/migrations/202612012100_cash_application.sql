-- Automatic cash application (issue 8, section 4; docs/cash-application.md).
--
-- A payment made from a bank line can be voided: an automatic match undone, or (to come)
-- the bank's reversal of the transfer. The row stays, for the history and the events that
-- name it; a voided payment holds no cash (`unapplied_cents` 0, so the kept balances drop
-- it) and no live allocation, and the lists leave it out.
ALTER TABLE payment ADD COLUMN voided_at timestamptz;
ALTER TABLE payment ADD COLUMN voided_on date;
ALTER TABLE payment ADD CONSTRAINT payment_voided_check
  CHECK ((voided_at IS NULL) = (voided_on IS NULL) AND (voided_at IS NULL OR unapplied_cents = 0));

-- What became of each bank line the matcher has seen: one row per line, kept as it moves
-- from the queue to applied (by the matcher or a person), back when undone, reversed when
-- the bank takes it back, or set aside (outgoing, reversal, ignored). `booking_date` and `amount_cents` are the line's, copied so the
-- queue sorts on its own index. `suggestions` are the matcher's best proposals, as shown
-- in the queue; `allocation_ids` the allocations the applied match made (an undo undoes
-- exactly those, the credit notes' included).
CREATE TABLE bank_line_match (
  company_id uuid NOT NULL,
  bank_line_id uuid NOT NULL,
  status text NOT NULL,
  booking_date date NOT NULL,
  amount_cents bigint NOT NULL,
  customer_id uuid,
  payment_id uuid,
  allocation_ids uuid[] NOT NULL DEFAULT '{}',
  confidence smallint,
  reasons jsonb NOT NULL DEFAULT '[]',
  suggestions jsonb NOT NULL DEFAULT '[]',
  applied_by text,
  -- How many payments this line has made, voided ones included: names the next one.
  applications integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  CONSTRAINT bank_line_match_pkey PRIMARY KEY (company_id, bank_line_id),
  CONSTRAINT bank_line_match_bank_line_id_fkey FOREIGN KEY (company_id, bank_line_id) REFERENCES bank_line (company_id, id),
  CONSTRAINT bank_line_match_payment_id_fkey FOREIGN KEY (company_id, payment_id) REFERENCES payment (company_id, id),
  CONSTRAINT bank_line_match_status_check CHECK (status IN ('queued', 'applied', 'reversed', 'outgoing', 'reversal', 'ignored')),
  -- `reversed`: applied, then taken back by the bank (a reversal line): its payment voided.
  CONSTRAINT bank_line_match_applied_check CHECK ((status IN ('applied', 'reversed')) = (payment_id IS NOT NULL)),
  CONSTRAINT bank_line_match_applied_by_check CHECK (applied_by IS NULL OR applied_by IN ('matcher', 'user')),
  CONSTRAINT bank_line_match_confidence_check CHECK (confidence BETWEEN 0 AND 100)
);
CREATE INDEX bank_line_match_status_idx ON bank_line_match (company_id, status, booking_date, bank_line_id);
-- A reversal finds the line it takes back by its amount (the opposite of its own) first.
CREATE INDEX bank_line_amount_idx ON bank_line (company_id, bank_account_id, amount_cents);

-- The accounts customers pay from, learnt from the matches applied: a later transfer from
-- one names its payer. An account seen paying for several customers (a parent company's)
-- names none of them on its own.
CREATE TABLE payer_account (
  company_id uuid NOT NULL,
  iban text NOT NULL,
  customer_id uuid NOT NULL,
  learned_at timestamptz NOT NULL,
  CONSTRAINT payer_account_pkey PRIMARY KEY (company_id, iban, customer_id)
);

-- The company's threshold: a match at or above it is applied without anyone looking.
CREATE TABLE cash_application_setting (
  company_id uuid NOT NULL,
  auto_apply_threshold smallint NOT NULL,
  CONSTRAINT cash_application_setting_pkey PRIMARY KEY (company_id),
  CONSTRAINT cash_application_setting_threshold_check CHECK (auto_apply_threshold BETWEEN 1 AND 100)
);

-- The lines stored before: in the queue (incoming), or set aside.
INSERT INTO bank_line_match (company_id, bank_line_id, status, booking_date, amount_cents, updated_at)
SELECT company_id, id,
  CASE WHEN is_reversal THEN 'reversal' WHEN amount_cents < 0 THEN 'outgoing' ELSE 'queued' END,
  booking_date, amount_cents, now()
FROM bank_line;
