-- One "encours" (docs/formulas.md): what a customer owes, net, is its open invoices minus
-- its open credit notes minus its unapplied payments. The customer page already said so;
-- the list summed invoices and credit notes only, so one customer showed two figures.
-- The kept balance (ADR 6) now also carries each customer's unapplied cash per currency,
-- kept by triggers on `payment` written like those on `invoice` (statement-level deltas
-- under the row lock), and `balance_cents` is the encours the list sorts and totals on.
-- `open_cents` keeps its meaning (open invoices − open credit notes).
ALTER TABLE customer_open_balance ADD COLUMN unapplied_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE customer_open_balance ADD COLUMN balance_cents bigint
  GENERATED ALWAYS AS (open_cents - unapplied_cents) STORED;
-- No `>= 0` check: the triggers' upserts propose their delta as the new row first, and a
-- delta that lowers the unapplied cash is negative; `payment`'s own checks bound each row.
CREATE INDEX customer_open_balance_balance_cents_idx ON customer_open_balance (company_id, currency, balance_cents);
-- Only the list sorted on it; it now sorts on the encours.
DROP INDEX customer_open_balance_open_cents_idx;

CREATE FUNCTION customer_unapplied_cash_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents, unapplied_cents)
    SELECT company_id, customer_id, currency, 0, sum(unapplied_cents)
    FROM new_rows
    WHERE unapplied_cents > 0
    GROUP BY company_id, customer_id, currency
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET unapplied_cents = b.unapplied_cents + EXCLUDED.unapplied_cents;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents, unapplied_cents)
    SELECT company_id, customer_id, currency, 0, sum(delta)
    FROM (
      SELECT company_id, customer_id, currency, unapplied_cents AS delta FROM new_rows
      UNION ALL
      SELECT company_id, customer_id, currency, -unapplied_cents FROM old_rows
    ) AS changes
    GROUP BY company_id, customer_id, currency
    HAVING sum(delta) <> 0
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET unapplied_cents = b.unapplied_cents + EXCLUDED.unapplied_cents;
  ELSE
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents, unapplied_cents)
    SELECT company_id, customer_id, currency, 0, -sum(unapplied_cents)
    FROM old_rows
    WHERE unapplied_cents > 0
    GROUP BY company_id, customer_id, currency
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET unapplied_cents = b.unapplied_cents + EXCLUDED.unapplied_cents;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER customer_unapplied_cash_insert AFTER INSERT ON payment
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_unapplied_cash_apply();
CREATE TRIGGER customer_unapplied_cash_update AFTER UPDATE ON payment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_unapplied_cash_apply();
CREATE TRIGGER customer_unapplied_cash_delete AFTER DELETE ON payment
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_unapplied_cash_apply();

INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents, unapplied_cents)
SELECT company_id, customer_id, currency, 0, sum(unapplied_cents)
FROM payment
WHERE unapplied_cents > 0
GROUP BY company_id, customer_id, currency
ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET unapplied_cents = EXCLUDED.unapplied_cents;
