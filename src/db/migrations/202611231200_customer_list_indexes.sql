-- Indexes for the customer list and the customer page at 100,000 customers and
-- 1,000,000 invoices (docs/PERFORMANCE.md has the measurements behind each one).

-- A customer's open items, with every column the balances read: the list and the
-- customer page sum open, overdue and oldest-overdue from the index alone
-- (index-only scan), instead of fetching ~100,000 scattered invoice rows.
CREATE INDEX invoice_open_customer_idx ON invoice (company_id, customer_id)
  INCLUDE (kind, due_date, open_cents, currency)
  WHERE open_cents > 0;

-- The overdue items of a company are a range of this one (due_date < today): sorting
-- customers by overdue amount or oldest overdue date reads that range only. It covers
-- what invoice_open_idx served (same key, same predicate), so it replaces it.
CREATE INDEX invoice_open_due_date_idx ON invoice (company_id, due_date)
  INCLUDE (customer_id, kind, open_cents, currency)
  WHERE open_cents > 0;
DROP INDEX invoice_open_idx;

-- Paging by name, deep pages included, walks this index alone: `code` breaks ties in
-- the order the list uses, and `legal_name` is included so the planner can use an
-- index-only scan on the expression. It replaces the index on the name alone.
CREATE INDEX customer_company_id_lower_legal_name_code_idx ON customer (company_id, lower(legal_name), code)
  INCLUDE (legal_name);
DROP INDEX customer_company_id_legal_name_idx;
