-- One rule for customer codes (ADR 12): `a001` and `A001` are one customer, stored in
-- capitals. The application writes codes through normalizeCustomerCode (trim, NFC,
-- capitals); this brings older rows to that form and keeps every writer to it.

-- Two customers of one company whose codes differ only by case cannot both become
-- `A001`: name them and stop, rather than merge two customers' ledgers behind the
-- user's back. Rename one (encaisse import customers, or the API) and run again.
DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(format('%s in company %s', codes, company_id), '; ')
    INTO clashes
    FROM (
      SELECT company_id, string_agg(code, ' / ' ORDER BY code) AS codes
        FROM customer
       GROUP BY company_id, upper(btrim(code))
      HAVING count(*) > 1
    ) AS clash;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'Customer codes that differ only by case or surrounding spaces: %. Codes are now compared in capitals (ADR 12): give one of each pair another code, then migrate again.', clashes;
  END IF;
END
$$;

UPDATE customer SET code = upper(btrim(code)) WHERE code <> upper(btrim(code));

ALTER TABLE customer
  ADD CONSTRAINT customer_code_check CHECK (code = upper(btrim(code)) AND code <> '');
