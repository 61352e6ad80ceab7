-- Indexes for the daily dunning run at size L (100,000 customers, ~1,000,000 invoices,
-- 873,000 payments; docs/PERFORMANCE.md "The daily dunning run").

-- Each slice of 2,000 customers sums their unapplied cash (`sumCustomerCredits`, ledger
-- store). Without this index PostgreSQL reads every payment of the company for each slice
-- (a parallel seq scan of 873,000 rows at size L, 82–104 ms a slice, 23 slices); only
-- payments with cash left over are in it (8,514 at size L), so it stays small and the sum
-- is an index-only scan: 1.1 ms a slice, measured on a copy of a size-L database.
CREATE INDEX payment_unapplied_customer_idx ON payment (company_id, customer_id)
  INCLUDE (currency, unapplied_cents)
  WHERE unapplied_cents > 0;
