import type { Deps } from '../app/deps.ts';
import type { Queryable } from '../db/client.ts';
import {
  ConflictError,
  DomainError,
  fieldIssue,
  InvalidError,
  NotFoundError,
} from '../shared/errors.ts';
import { checkCompany, type Company, type NewCompany } from './model.ts';
import { findCompanyByCode, findCompanyById, insertCompany, listCompanies } from './store.ts';

/** Creates a company; its code must be new. Companies are the tenants: nothing is shared between them. */
export async function createCompany(
  deps: Deps,
  input: NewCompany,
  q: Queryable = deps.db,
): Promise<Company> {
  const issues = checkCompany(input);
  if (issues.length > 0) {
    throw new InvalidError('company_invalid', {}, issues);
  }
  if (await findCompanyByCode(q, input.code)) {
    throw new ConflictError('company_code_taken', { code: input.code });
  }
  const company = { ...input, id: deps.ids.newId() };
  await insertCompany(q, company);
  return company;
}

/** The company, if it exists (sign-in and tokens refuse the others as unknown). */
export function findCompany(deps: Deps, companyId: string): Promise<Company | undefined> {
  return findCompanyById(deps.db, companyId);
}

export async function getCompany(deps: Deps, companyId: string): Promise<Company> {
  const company = await findCompany(deps, companyId);
  if (!company) {
    throw new NotFoundError('company', companyId);
  }
  return company;
}

/**
 * Picks the company a CLI command acts on: the one named, or the only one.
 * Refuses to guess between several.
 */
export async function resolveCompany(deps: Deps, code: string | undefined): Promise<Company> {
  if (code !== undefined) {
    const company = await findCompanyByCode(deps.db, code);
    if (!company) {
      throw new NotFoundError('company', `"${code}"`);
    }
    return company;
  }
  const companies = await listCompanies(deps.db);
  if (companies.length === 1 && companies[0]) {
    return companies[0];
  }
  if (companies.length === 0) {
    throw new DomainError('not_found', 'no_company');
  }
  throw new InvalidError('company_ambiguous', { codes: companies.map((c) => c.code).join(', ') }, [
    fieldIssue('company', 'ambiguous_company'),
  ]);
}

export async function findCompanies(deps: Deps): Promise<Company[]> {
  return listCompanies(deps.db);
}
