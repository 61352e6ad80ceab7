-- The aged balance as of a date (issue 11, src/ledger/aged-balance.ts).
--
-- As of today it reads the open items alone: the open-items indexes now carry the issue
-- (and receipt) date too, so that « issued on or before the date » is answered from the
-- index (an index-only scan) instead of a visit to each row. They replace the two they
-- extend, whose queries they still serve (same keys, more included columns).
CREATE INDEX invoice_open_aging_idx ON invoice (company_id, customer_id)
  INCLUDE (kind, due_date, open_cents, currency, issue_date)
  WHERE open_cents > 0;
DROP INDEX invoice_open_customer_idx;
CREATE INDEX payment_unapplied_aging_idx ON payment (company_id, customer_id)
  INCLUDE (currency, unapplied_cents, received_on)
  WHERE unapplied_cents > 0;
DROP INDEX payment_unapplied_customer_idx;

-- As of a past date it undoes the allocations made, or undone, after that date: these two
-- find them without reading every allocation of the company (as of today there are none).
CREATE INDEX allocation_allocated_on_idx ON allocation (company_id, allocated_on)
  WHERE undone_at IS NULL;
CREATE INDEX allocation_undone_on_idx ON allocation (company_id, undone_on)
  WHERE undone_on IS NOT NULL;
