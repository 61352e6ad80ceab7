-- What each customer owes, net, per currency: open invoices minus open credit notes.
-- It is derived from `invoice` alone and kept in step by the triggers below, in the
-- same transaction as the change, so it is never stale. It exists for one read: the
-- customer list sorted by open amount, which otherwise sums every open item of the
-- company (about 100,000 at 100,000 customers) on each page view; see
-- docs/PERFORMANCE.md. Overdue amounts depend on the day asked about, so they are
-- still summed from `invoice` when asked.
CREATE TABLE customer_open_balance (
  company_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  currency char(3) NOT NULL,
  -- Rows are kept at 0 rather than deleted: a delete would race a concurrent insert.
  open_cents bigint NOT NULL,
  CONSTRAINT customer_open_balance_pkey PRIMARY KEY (company_id, customer_id, currency)
);
CREATE INDEX customer_open_balance_open_cents_idx ON customer_open_balance (company_id, currency, open_cents);

-- Applies a statement's changes as deltas (old rows out, new rows in): two transactions
-- changing one customer's invoices at once both add their own delta under the row lock,
-- where recomputing the sum would let the second overwrite the first's.
CREATE FUNCTION customer_open_balance_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents)
    SELECT company_id, customer_id, currency, sum(CASE WHEN kind = 'invoice' THEN open_cents ELSE -open_cents END)
    FROM new_rows
    WHERE open_cents > 0
    GROUP BY company_id, customer_id, currency
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET open_cents = b.open_cents + EXCLUDED.open_cents;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents)
    SELECT company_id, customer_id, currency, sum(delta)
    FROM (
      SELECT company_id, customer_id, currency, CASE WHEN kind = 'invoice' THEN open_cents ELSE -open_cents END AS delta
      FROM new_rows
      UNION ALL
      SELECT company_id, customer_id, currency, CASE WHEN kind = 'invoice' THEN -open_cents ELSE open_cents END
      FROM old_rows
    ) AS changes
    GROUP BY company_id, customer_id, currency
    HAVING sum(delta) <> 0
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET open_cents = b.open_cents + EXCLUDED.open_cents;
  ELSE
    INSERT INTO customer_open_balance AS b (company_id, customer_id, currency, open_cents)
    SELECT company_id, customer_id, currency, -sum(CASE WHEN kind = 'invoice' THEN open_cents ELSE -open_cents END)
    FROM old_rows
    WHERE open_cents > 0
    GROUP BY company_id, customer_id, currency
    ON CONFLICT (company_id, customer_id, currency) DO UPDATE SET open_cents = b.open_cents + EXCLUDED.open_cents;
  END IF;
  RETURN NULL;
END;
$$;

-- One run per statement, not per row: a COPY of 1,000 invoices is one grouped upsert.
CREATE TRIGGER customer_open_balance_insert AFTER INSERT ON invoice
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_open_balance_apply();
CREATE TRIGGER customer_open_balance_update AFTER UPDATE ON invoice
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_open_balance_apply();
CREATE TRIGGER customer_open_balance_delete AFTER DELETE ON invoice
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_open_balance_apply();

INSERT INTO customer_open_balance (company_id, customer_id, currency, open_cents)
SELECT company_id, customer_id, currency, sum(CASE WHEN kind = 'invoice' THEN open_cents ELSE -open_cents END)
FROM invoice
WHERE open_cents > 0
GROUP BY company_id, customer_id, currency;
