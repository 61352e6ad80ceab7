/**
 * The SQL of `company_bank_details` (migration 202612040300): where the company's customers
 * pay, one row per company. Its row type sits here, the only SQL that names the table.
 */
import type { ColumnType, Kysely } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { Database } from '../db/schema.ts';
import type { BankDetails } from './bank-details-model.ts';

type CompanyBankDetailsTable = {
  company_id: string;
  account_holder: string;
  iban: string;
  bic: string | null;
  bank_name: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
};

function bankDetailsDb(
  q: Queryable,
): Kysely<Database & { company_bank_details: CompanyBankDetailsTable }> {
  return q.withTables<{ company_bank_details: CompanyBankDetailsTable }>();
}

/** The company's bank details, if it gave them. */
export async function findBankDetails(
  q: Queryable,
  companyId: string,
): Promise<BankDetails | undefined> {
  const row = await bankDetailsDb(q)
    .selectFrom('company_bank_details')
    .select(['account_holder', 'iban', 'bic', 'bank_name'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return (
    row && {
      accountHolder: row.account_holder,
      iban: row.iban,
      bic: row.bic,
      bankName: row.bank_name,
    }
  );
}

/** Writes the company's bank details, replacing those it had. */
export async function upsertBankDetails(
  q: Queryable,
  companyId: string,
  details: BankDetails,
  now: Date,
): Promise<void> {
  const values = {
    account_holder: details.accountHolder,
    iban: details.iban,
    bic: details.bic,
    bank_name: details.bankName,
    updated_at: now,
  };
  await bankDetailsDb(q)
    .insertInto('company_bank_details')
    .values({ company_id: companyId, ...values })
    .onConflict((conflict) => conflict.column('company_id').doUpdateSet(values))
    .execute();
}
