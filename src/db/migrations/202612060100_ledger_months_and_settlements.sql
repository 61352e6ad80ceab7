-- Two figures the reports read at every size, kept by triggers in the same transaction as
-- the change (as `customer_open_balance` is, ADR 6; ADR 24), so they are never stale:
--
-- 1. Each month's changes to the portfolio's sales, receivables and receivables not yet
--    due, per currency (`ledger_month_change`): the DSO history (src/ledger/aged-balance.ts
--    `monthFigures`) is their running sums, a few hundred rows whatever the ledger's size,
--    where it joined every allocation to its invoice (about 3 s at a million invoices).
-- 2. The day each invoice was settled in full (`invoice.settled_on`): the latest date of its
--    live allocations once nothing is open on it, else null. The cash forecast learns
--    payment delays from it and its backtest compares with it (src/ledger/forecast-inputs.ts),
--    where each read grouped every allocation per invoice.

-- The month changes an invoice or a credit note brings, for `amount_cents` of it (negative
-- to take a document out): its sales in its issue month (a credit note's negative); an
-- invoice adds to the receivables from its issue month, and to the part not yet due until
-- the month its due date is passed in (the month of the day after it). Dates are not
-- clamped: a read counts what is older than its first month in that month.
CREATE FUNCTION ledger_document_month_changes(
  kind text, issue_date date, due_date date, amount_cents bigint
) RETURNS TABLE (month date, sales_cents bigint, receivables_cents bigint, not_due_cents bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT change.month, change.sales, change.receivables, change.not_due
  FROM (VALUES
    (date_trunc('month', issue_date)::date,
      CASE WHEN kind = 'invoice' THEN amount_cents ELSE -amount_cents END,
      CASE WHEN kind = 'invoice' THEN amount_cents ELSE 0 END,
      CASE WHEN kind = 'invoice' THEN amount_cents ELSE 0 END),
    (date_trunc('month', due_date + 1)::date, 0, 0,
      CASE WHEN kind = 'invoice' THEN -amount_cents ELSE 0 END)
  ) AS change(month, sales, receivables, not_due)
$$;

-- The month changes an allocation of `amount_cents` on an invoice brings: it takes its
-- amount off the receivables from the month it was made (or the invoice issued, if later)
-- until the month it was undone, and off the part not yet due only while the invoice was.
CREATE FUNCTION ledger_allocation_month_changes(
  issue_date date, due_date date, allocated_on date, undone_on date, amount_cents bigint
) RETURNS TABLE (month date, sales_cents bigint, receivables_cents bigint, not_due_cents bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT change.month, 0::bigint, change.receivables, change.not_due
  FROM (SELECT date_trunc('month', greatest(allocated_on, issue_date))::date AS start_month,
      date_trunc('month', undone_on)::date AS undone_month,
      date_trunc('month', due_date + 1)::date AS due_month) AS m
  CROSS JOIN LATERAL (VALUES
    (m.start_month, -amount_cents,
      CASE WHEN m.start_month < m.due_month THEN -amount_cents ELSE 0 END),
    (m.undone_month, amount_cents, 0::bigint),
    -- least() skips a null: never undone, it is back in the part due from the due month.
    (least(m.undone_month, m.due_month), 0::bigint,
      CASE WHEN m.start_month < m.due_month THEN amount_cents ELSE 0 END)
  ) AS change(month, receivables, not_due)
  WHERE change.month IS NOT NULL
$$;

-- Append-only changes, one row per statement and month rather than one row per month:
-- writers never wait on each other's rows. Each statement folds the committed rows of the
-- months it touches into its own (skipping those another writer is folding), so a month
-- holds a row or two, plus one per writer in flight.
CREATE TABLE ledger_month_change (
  company_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  currency char(3) NOT NULL,
  month date NOT NULL,
  sales_cents bigint NOT NULL,
  receivables_cents bigint NOT NULL,
  not_due_cents bigint NOT NULL,
  CONSTRAINT ledger_month_change_pkey PRIMARY KEY (company_id, id)
);
CREATE INDEX ledger_month_change_month_idx ON ledger_month_change (company_id, currency, month)
  INCLUDE (sales_cents, receivables_cents, not_due_cents);

-- Adds a statement's changes (parallel arrays, one element per change) and folds in the
-- committed rows of the same company, currency and month. Rows another writer has locked
-- (it is folding them) are left to it; what sums to zero is not written.
CREATE FUNCTION ledger_month_change_add(
  companies uuid[], currencies text[], months date[], sales bigint[], receivables bigint[],
  not_due bigint[]
) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT * FROM unnest(companies, currencies, months, sales, receivables, not_due)
      AS f(company_id, currency, month, sales_cents, receivables_cents, not_due_cents)
    WHERE f.sales_cents <> 0 OR f.receivables_cents <> 0 OR f.not_due_cents <> 0
  ),
  folded AS (
    DELETE FROM ledger_month_change AS c
    WHERE (c.company_id, c.id) IN (
      SELECT k.company_id, k.id FROM ledger_month_change AS k
      WHERE (k.company_id, k.currency, k.month) IN (
        SELECT company_id, currency::char(3), month FROM fresh)
      FOR UPDATE SKIP LOCKED)
    RETURNING c.company_id, c.currency::text, c.month, c.sales_cents, c.receivables_cents,
      c.not_due_cents
  )
  INSERT INTO ledger_month_change
    (company_id, currency, month, sales_cents, receivables_cents, not_due_cents)
  SELECT company_id, currency, month, sum(sales_cents), sum(receivables_cents),
    sum(not_due_cents)
  FROM (SELECT * FROM fresh UNION ALL SELECT * FROM folded) AS c
  GROUP BY company_id, currency, month
  HAVING sum(sales_cents) <> 0 OR sum(receivables_cents) <> 0 OR sum(not_due_cents) <> 0
$$;

ALTER TABLE invoice ADD COLUMN settled_on date;

-- The day an invoice was settled in full: the latest date of its live allocations once
-- nothing is open on it (its open amount is its amount less its live allocations, ADR 13);
-- null for a credit note or an invoice still open. Kept in the row the open amount is
-- written in, under that row's lock: the allocation door writes the allocations first,
-- then the open amounts (an undo reopens the amount, which needs no allocation read). Each
-- run is planned anew (`force_custom_plan`): a plan kept from when the table was small
-- would scan every allocation of the company for each invoice.
CREATE FUNCTION invoice_settled_on_keep() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  NEW.settled_on := CASE WHEN NEW.kind = 'invoice' AND NEW.open_cents = 0 THEN (
    -- FILTER rather than WHERE: max() is then not read backwards along the date index.
    SELECT max(a.allocated_on) FILTER (WHERE a.undone_at IS NULL) FROM allocation AS a
    WHERE a.company_id = NEW.company_id AND a.invoice_id = NEW.id
  ) END;
  RETURN NEW;
END;
$$;

-- Documents changed (parallel arrays; a negative amount takes one out): their own month
-- changes and, when `with_allocations` (an update of the fields the months depend on), those
-- of the allocations on them, placed with these fields.
CREATE FUNCTION ledger_documents_changed(
  companies uuid[], ids uuid[], kinds text[], currencies text[], issue_dates date[],
  due_dates date[], amounts bigint[], with_allocations boolean
) RETURNS void LANGUAGE sql AS $$
  SELECT ledger_month_change_add(array_agg(company_id), array_agg(currency), array_agg(month),
    array_agg(sales_cents), array_agg(receivables_cents), array_agg(not_due_cents))
  FROM (
    -- Summed per month first: the few rows a COPY of 60,000 documents changes are passed on.
    SELECT d.company_id, d.currency, e.month, sum(e.sales_cents)::bigint AS sales_cents,
      sum(e.receivables_cents)::bigint AS receivables_cents,
      sum(e.not_due_cents)::bigint AS not_due_cents
    FROM unnest(companies, ids, kinds, currencies, issue_dates, due_dates, amounts)
      AS d(company_id, id, kind, currency, issue_date, due_date, amount_cents)
    CROSS JOIN LATERAL (
      SELECT * FROM ledger_document_month_changes(d.kind, d.issue_date, d.due_date,
        d.amount_cents)
      UNION ALL
      SELECT c.* FROM allocation AS a
      CROSS JOIN LATERAL ledger_allocation_month_changes(d.issue_date, d.due_date,
        a.allocated_on, a.undone_on, sign(d.amount_cents)::bigint * a.amount_cents) AS c
      WHERE with_allocations AND a.company_id = d.company_id AND a.invoice_id = d.id
    ) AS e
    GROUP BY 1, 2, 3
  ) AS by_month
$$;

-- Allocations changed (parallel arrays; a negative amount takes one out): their month
-- changes, each placed with its invoice's fields; and the settlement day of an invoice
-- written already settled, with nothing open, before its allocations (an import's new
-- invoice lettered in the same file: the door leaves its open amount as written). Only
-- those are looked up: the door's invoices are still open here, the demo's come with it.
CREATE FUNCTION ledger_allocations_changed(
  companies uuid[], invoices uuid[], allocated date[], undone date[], amounts bigint[]
) RETURNS void LANGUAGE plpgsql
-- Planned with the arrays it is given: a plan for any array would guess their length.
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  settled_first uuid[];
BEGIN
  PERFORM ledger_month_change_add(array_agg(company_id), array_agg(currency),
    array_agg(month), array_agg(sales_cents), array_agg(receivables_cents),
    array_agg(not_due_cents))
  FROM (
    SELECT i.company_id, i.currency::text AS currency, e.month,
      sum(e.sales_cents)::bigint AS sales_cents,
      sum(e.receivables_cents)::bigint AS receivables_cents,
      sum(e.not_due_cents)::bigint AS not_due_cents
    FROM unnest(companies, invoices, allocated, undone, amounts)
      AS a(company_id, invoice_id, allocated_on, undone_on, amount_cents)
    JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
    CROSS JOIN LATERAL ledger_allocation_month_changes(i.issue_date, i.due_date,
      a.allocated_on, a.undone_on, a.amount_cents) AS e
    GROUP BY 1, 2, 3
  ) AS by_month;
  SELECT array_agg(DISTINCT i.id) INTO settled_first
  FROM unnest(companies, invoices) AS t(company_id, id)
  JOIN invoice AS i ON i.company_id = t.company_id AND i.id = t.id
  WHERE i.kind = 'invoice' AND i.open_cents = 0 AND i.settled_on IS NULL;
  IF settled_first IS NOT NULL THEN
    UPDATE invoice AS i SET settled_on = (
      -- FILTER rather than WHERE, as in invoice_settled_on_keep.
      SELECT max(a.allocated_on) FILTER (WHERE a.undone_at IS NULL) FROM allocation AS a
      WHERE a.company_id = i.company_id AND a.invoice_id = i.id
    )
    WHERE i.company_id = companies[1] AND i.id = ANY(settled_first);
  END IF;
END;
$$;

-- New rows in, old rows out; an update counts only when a field the months depend on
-- changed (not on the open amount's updates, which every allocation makes).
CREATE FUNCTION ledger_month_invoice_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ledger_documents_changed(array_agg(company_id), array_agg(id), array_agg(kind),
      array_agg(currency::text), array_agg(issue_date), array_agg(due_date),
      array_agg(amount_cents), false)
    FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ledger_documents_changed(array_agg(company_id), array_agg(id), array_agg(kind),
      array_agg(currency::text), array_agg(issue_date), array_agg(due_date),
      array_agg(-amount_cents), false)
    FROM old_rows;
  ELSE
    -- The documents whose fields changed, new rows in and old rows out. Most updates change
    -- the open amount alone; identical old and new rows fold into one in the UNION, so the
    -- two transition tables are never joined (the planner nests such a loop).
    PERFORM ledger_documents_changed(array_agg(d.company_id), array_agg(d.id),
      array_agg(d.kind), array_agg(d.currency::text), array_agg(d.issue_date),
      array_agg(d.due_date), array_agg(d.amount_cents), true)
    FROM (
      SELECT company_id, id, kind, currency, issue_date, due_date, amount_cents FROM new_rows
      UNION ALL
      SELECT company_id, id, kind, currency, issue_date, due_date, -amount_cents FROM old_rows
    ) AS d
    WHERE (d.company_id, d.id) IN (
      SELECT company_id, id FROM (
        SELECT company_id, id, kind, currency, issue_date, due_date, amount_cents FROM new_rows
        UNION
        SELECT company_id, id, kind, currency, issue_date, due_date, amount_cents FROM old_rows
      ) AS fields
      GROUP BY company_id, id HAVING count(*) > 1)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION ledger_month_allocation_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ledger_allocations_changed(array_agg(company_id), array_agg(invoice_id),
      array_agg(allocated_on), array_agg(undone_on), array_agg(amount_cents))
    FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ledger_allocations_changed(array_agg(company_id), array_agg(invoice_id),
      array_agg(allocated_on), array_agg(undone_on), array_agg(-amount_cents))
    FROM old_rows;
  ELSE
    -- As for the invoices: the allocations whose fields changed (most updates undo some).
    PERFORM ledger_allocations_changed(array_agg(a.company_id), array_agg(a.invoice_id),
      array_agg(a.allocated_on), array_agg(a.undone_on), array_agg(a.amount_cents))
    FROM (
      SELECT company_id, id, invoice_id, allocated_on, undone_on, amount_cents FROM new_rows
      UNION ALL
      SELECT company_id, id, invoice_id, allocated_on, undone_on, -amount_cents FROM old_rows
    ) AS a
    WHERE (a.company_id, a.id) IN (
      SELECT company_id, id FROM (
        SELECT company_id, id, invoice_id, allocated_on, undone_on, amount_cents FROM new_rows
        UNION
        SELECT company_id, id, invoice_id, allocated_on, undone_on, amount_cents FROM old_rows
      ) AS fields
      GROUP BY company_id, id HAVING count(*) > 1)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END;
$$;

-- The ledger as it stands, through the same rules.
INSERT INTO ledger_month_change
  (company_id, currency, month, sales_cents, receivables_cents, not_due_cents)
SELECT company_id, currency, month, sum(sales_cents), sum(receivables_cents), sum(not_due_cents)
FROM (
  SELECT i.company_id, i.currency, e.*
  FROM invoice AS i
  CROSS JOIN LATERAL ledger_document_month_changes(i.kind, i.issue_date, i.due_date,
    i.amount_cents) AS e
  UNION ALL
  SELECT i.company_id, i.currency, e.*
  FROM allocation AS a
  JOIN invoice AS i ON i.company_id = a.company_id AND i.id = a.invoice_id
  CROSS JOIN LATERAL ledger_allocation_month_changes(i.issue_date, i.due_date, a.allocated_on,
    a.undone_on, a.amount_cents) AS e
) AS changes
GROUP BY company_id, currency, month
HAVING sum(sales_cents) <> 0 OR sum(receivables_cents) <> 0 OR sum(not_due_cents) <> 0;

UPDATE invoice AS i SET settled_on = s.day
FROM (
  SELECT a.company_id, a.invoice_id, max(a.allocated_on) AS day
  FROM allocation AS a
  WHERE a.undone_at IS NULL
  GROUP BY a.company_id, a.invoice_id
) AS s
WHERE i.company_id = s.company_id AND i.id = s.invoice_id AND i.kind = 'invoice'
  AND i.open_cents = 0;

-- One run per statement: a COPY of 10,000 allocations is one grouped change.
CREATE TRIGGER invoice_settled_on_keep BEFORE UPDATE OF open_cents, amount_cents ON invoice
  FOR EACH ROW
  WHEN (OLD.open_cents IS DISTINCT FROM NEW.open_cents
    OR OLD.amount_cents IS DISTINCT FROM NEW.amount_cents)
  EXECUTE FUNCTION invoice_settled_on_keep();
CREATE TRIGGER ledger_month_invoice_insert AFTER INSERT ON invoice
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_invoice_apply();
CREATE TRIGGER ledger_month_invoice_update AFTER UPDATE ON invoice
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_invoice_apply();
CREATE TRIGGER ledger_month_invoice_delete AFTER DELETE ON invoice
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_invoice_apply();
CREATE TRIGGER ledger_month_allocation_insert AFTER INSERT ON allocation
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_allocation_apply();
CREATE TRIGGER ledger_month_allocation_update AFTER UPDATE ON allocation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_allocation_apply();
CREATE TRIGGER ledger_month_allocation_delete AFTER DELETE ON allocation
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_month_allocation_apply();

-- The forecast's history: the invoices settled in a window, with what its medians need.
CREATE INDEX invoice_settled_on_idx ON invoice (company_id, settled_on)
  INCLUDE (id, customer_id, due_date)
  WHERE settled_on IS NOT NULL;
