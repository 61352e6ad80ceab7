-- The largest amounts the product accepts (docs/adr/0009-hostile-input.md, src/shared/money.ts):
-- a single amount of at most 99 999 999 999,99 (MAX_AMOUNT_CENTS), and a customer's
-- open balance per currency within ±9 999 999 999 999,99 (MAX_TOTAL_CENTS), so that every
-- sum a list or a page shows stays a safe integer. The application checks first and says
-- which line or field is at fault; these constraints hold for every other writer, and for
-- two imports racing past a bound together.
--
-- Added NOT VALID, then validated one by one below: a database whose rows all keep the
-- bounds (every new one) gets fully valid constraints; one that already holds a row past
-- them (written before the bounds) keeps that constraint NOT VALID, with a warning, and
-- still migrates and starts (its lists show the capped figure). Every new or changed row
-- is checked either way.
ALTER TABLE invoice ADD CONSTRAINT invoice_amount_cents_max_check
  CHECK (amount_cents <= 9999999999999) NOT VALID;
ALTER TABLE payment ADD CONSTRAINT payment_amount_cents_max_check
  CHECK (amount_cents <= 9999999999999) NOT VALID;
ALTER TABLE allocation ADD CONSTRAINT allocation_amount_cents_max_check
  CHECK (amount_cents <= 9999999999999) NOT VALID;
ALTER TABLE customer ADD CONSTRAINT customer_credit_limit_cents_max_check
  CHECK (credit_limit_cents <= 9999999999999) NOT VALID;
-- The trigger of 202611231300 adds each statement's delta to this row: a statement that
-- would carry it past the bound fails here, and its transaction with it.
ALTER TABLE customer_open_balance ADD CONSTRAINT customer_open_balance_open_cents_check
  CHECK (open_cents BETWEEN -999999999999999 AND 999999999999999) NOT VALID;

DO $$
DECLARE
  bound record;
BEGIN
  FOR bound IN
    SELECT conrelid::regclass AS table_name, conname FROM pg_constraint
    WHERE conname IN ('invoice_amount_cents_max_check', 'payment_amount_cents_max_check',
      'allocation_amount_cents_max_check', 'customer_credit_limit_cents_max_check',
      'customer_open_balance_open_cents_check')
  LOOP
    BEGIN
      EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', bound.table_name, bound.conname);
    EXCEPTION WHEN check_violation THEN
      RAISE WARNING '% stays NOT VALID: % holds rows past the bound, written before it', bound.conname, bound.table_name;
    END;
  END LOOP;
END;
$$;
