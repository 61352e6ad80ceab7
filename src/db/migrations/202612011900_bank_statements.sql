-- The company's bank accounts, the statements read from its banks' files, and their lines
-- (issue 8 §3; docs/bank-statements.md, "Storing statements"). A movement is stored once
-- per account whatever the files it came in: the overlapping days of two exports, a
-- camt.054 and the camt.053 of the same day, the same file imported twice.

-- An account is known by what its statements name: an IBAN (camt), a RIB (CFONB: bank,
-- branch and account numbers). An account registered from a RIB also gets its IBAN, so a
-- camt statement of it is found too; one registered by a French IBAN is found by a CFONB
-- statement through the IBAN of its RIB (src/shared/identifiers.ts, `ibanFromRib`).
-- `iban` holds an account's number as a camt statement gives it: an IBAN, or the
-- `Othr/Id` of an account that has none (a Wise account number).
CREATE TABLE bank_account (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  iban text,
  bank_code text,
  branch_code text,
  account_number text,
  currency char(3) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bank_account_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT bank_account_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT bank_account_company_id_iban_key UNIQUE (company_id, iban),
  CONSTRAINT bank_account_company_id_rib_key UNIQUE (company_id, bank_code, branch_code, account_number),
  CONSTRAINT bank_account_named_check CHECK (iban IS NOT NULL OR bank_code IS NOT NULL),
  CONSTRAINT bank_account_rib_check CHECK (
    (bank_code IS NULL) = (branch_code IS NULL) AND (bank_code IS NULL) = (account_number IS NULL)
  )
);

-- One statement of a file (a camt `Stmt` or `Ntfctn`, a CFONB 01…07 run), with the
-- balances it states. `balanced`: opening + its movements = closing, to the cent; NULL when
-- it gives no pair of balances to check (a camt.054). An unbalanced statement is stored,
-- flagged, never refused: the bank said so, and the user must see it.
-- `dedup_key` (src/bank/dedup-key.ts) is the same for the same statement read again, so a
-- re-import stores it once.
CREATE TABLE bank_statement (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  bank_account_id uuid NOT NULL,
  format text NOT NULL,
  statement_id text,
  opening_date date,
  opening_balance_cents bigint,
  closing_date date,
  closing_balance_cents bigint,
  balanced boolean,
  dedup_key text NOT NULL,
  file_name text NOT NULL,
  imported_at timestamptz NOT NULL,
  CONSTRAINT bank_statement_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT bank_statement_bank_account_id_fkey FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_account (company_id, id),
  CONSTRAINT bank_statement_company_id_bank_account_id_dedup_key_key UNIQUE (company_id, bank_account_id, dedup_key),
  CONSTRAINT bank_statement_format_check CHECK (format IN ('camt053', 'camt054', 'cfonb120')),
  CONSTRAINT bank_statement_opening_check CHECK ((opening_date IS NULL) = (opening_balance_cents IS NULL)),
  CONSTRAINT bank_statement_closing_check CHECK ((closing_date IS NULL) = (closing_balance_cents IS NULL)),
  CONSTRAINT bank_statement_balanced_check CHECK (
    (balanced IS NULL) = (opening_date IS NULL OR closing_date IS NULL)
  )
);

-- A movement on an account, signed (a credit, money in, is positive), as the bank wrote it.
-- `bank_statement_id` is the statement that first brought it. `dedup_key`: the bank's own
-- reference when the format gives a stable one, else a hash of what the line says.
CREATE TABLE bank_line (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  bank_statement_id uuid NOT NULL,
  bank_account_id uuid NOT NULL,
  booking_date date NOT NULL,
  value_date date,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  counterparty_name text,
  counterparty_iban text,
  remittance_text text,
  structured_references text[] NOT NULL,
  bank_references jsonb NOT NULL,
  transaction_code text,
  is_reversal boolean NOT NULL,
  return_reason text,
  dedup_key text NOT NULL,
  CONSTRAINT bank_line_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT bank_line_bank_statement_id_fkey FOREIGN KEY (company_id, bank_statement_id) REFERENCES bank_statement (company_id, id),
  CONSTRAINT bank_line_bank_account_id_fkey FOREIGN KEY (company_id, bank_account_id) REFERENCES bank_account (company_id, id),
  CONSTRAINT bank_line_company_id_bank_account_id_dedup_key_key UNIQUE (company_id, bank_account_id, dedup_key),
  -- The readers refuse an amount past MAX_AMOUNT_CENTS (src/shared/money.ts), either sign.
  CONSTRAINT bank_line_amount_cents_check CHECK (amount_cents BETWEEN -9999999999999 AND 9999999999999)
);
CREATE INDEX bank_line_bank_statement_id_idx ON bank_line (company_id, bank_statement_id);
