import type { Deps } from '../app/deps.ts';
import type { Queryable } from '../db/client.ts';
import { ConflictError, InvalidError, NotFoundError } from '../shared/errors.ts';
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
    throw new InvalidError('The company is not valid', issues);
  }
  if (await findCompanyByCode(q, input.code)) {
    throw new ConflictError(`A company with code "${input.code}" already exists`);
  }
  const company = { ...input, id: deps.ids.newId() };
  await insertCompany(q, company);
  return company;
}

export async function getCompany(deps: Deps, companyId: string): Promise<Company> {
  const company = await findCompanyById(deps.db, companyId);
  if (!company) {
    throw new NotFoundError('Company', companyId);
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
      throw new NotFoundError('Company', `"${code}"`);
    }
    return company;
  }
  const companies = await listCompanies(deps.db);
  if (companies.length === 1 && companies[0]) {
    return companies[0];
  }
  if (companies.length === 0) {
    throw new NotFoundError('Company', '(none yet: run `encaisse demo` or create one)');
  }
  throw new InvalidError(
    `Several companies exist (${companies.map((c) => c.code).join(', ')}): choose one with --company`,
    [{ field: 'company', code: 'ambiguous_company', message: 'Choose a company with --company' }],
  );
}

export async function findCompanies(deps: Deps): Promise<Company[]> {
  return listCompanies(deps.db);
}
