import type { Queryable } from '../db/client.ts';
import type { CompanyTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import type { Company } from './model.ts';

function toCompany(row: Selectable<CompanyTable>): Company {
  return {
    id: row.id,
    code: row.code,
    legalName: row.legal_name,
    siren: row.siren,
    vatNumber: row.vat_number,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
    currency: row.currency,
    timeZone: row.time_zone,
  };
}

export async function insertCompany(q: Queryable, company: Company): Promise<void> {
  await q
    .insertInto('company')
    .values({
      id: company.id,
      code: company.code,
      legal_name: company.legalName,
      siren: company.siren,
      vat_number: company.vatNumber,
      address_line1: company.addressLine1,
      address_line2: company.addressLine2,
      postal_code: company.postalCode,
      city: company.city,
      country: company.country,
      currency: company.currency,
      time_zone: company.timeZone,
    })
    .execute();
}

export async function findCompanyById(q: Queryable, id: string): Promise<Company | undefined> {
  const row = await q.selectFrom('company').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCompany(row);
}

export async function findCompanyByCode(q: Queryable, code: string): Promise<Company | undefined> {
  const row = await q.selectFrom('company').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toCompany(row);
}

export async function listCompanies(q: Queryable): Promise<Company[]> {
  const rows = await q.selectFrom('company').selectAll().orderBy('code').execute();
  return rows.map(toCompany);
}
