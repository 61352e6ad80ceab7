import { randomBytes } from 'node:crypto';
import { cliContext, type Ctx } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { createUser } from '../src/auth/service.ts';
import type { Company } from '../src/companies/model.ts';
import { createCompany } from '../src/companies/service.ts';
import type { TCreateCustomerRequest, TCustomerDetail } from '../src/customers/schemas.ts';
import { createCustomer } from '../src/customers/service.ts';
import type { ScenarioStep } from '../src/dunning/scenario.ts';
import { upsertInvoicesInTx, upsertPaymentsInTx } from '../src/ledger/upsert-items.ts';
import { calendarDate } from '../src/shared/calendar-date.ts';
import { cents } from '../src/shared/money.ts';
import type { TRole } from '../src/shared/schemas.ts';

/** The operating-system user the tests' CLI contexts act for. */
export const TEST_OPERATOR = 'tester';

/** Every test makes its own company and works inside it: no shared state between tests. */
export async function makeCompany(
  deps: Deps,
  overrides: Partial<Omit<Company, 'id'>> = {},
): Promise<{ company: Company; ctx: Ctx }> {
  const company = await createCompany(deps, {
    code: `co-${randomBytes(5).toString('hex')}`,
    legalName: 'Menuiseries Dupont SAS',
    siren: null,
    vatNumber: null,
    addressLine1: '12 rue des Artisans',
    addressLine2: null,
    postalCode: '69003',
    city: 'Lyon',
    country: 'FR',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    ...overrides,
  });
  return { company, ctx: cliContext(company.id, TEST_OPERATOR) };
}

export async function makeUser(
  deps: Deps,
  ctx: Ctx,
  role: TRole = 'admin',
  password = 'correct horse battery staple',
): Promise<{ email: string; password: string; id: string }> {
  const email = `${role}.${randomBytes(4).toString('hex')}@example.test`;
  const { user } = await createUser(deps, ctx, {
    email,
    displayName: `Test ${role}`,
    role,
    password,
  });
  return { email, password, id: user.id };
}

let customerCounter = 0;

export async function makeCustomer(
  deps: Deps,
  ctx: Ctx,
  overrides: Partial<TCreateCustomerRequest> = {},
): Promise<TCustomerDetail> {
  customerCounter += 1;
  return createCustomer(deps, ctx, {
    code: `C${String(customerCounter).padStart(5, '0')}`,
    legalName: `Client ${customerCounter} SARL`,
    ...overrides,
  });
}

type InvoiceSpec = {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  kind?: 'invoice' | 'credit_note';
  currency?: string;
};

export async function makeInvoices(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  specs: InvoiceSpec[],
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const result = await upsertInvoicesInTx(
      deps,
      tx,
      ctx,
      specs.map((spec) => ({
        customerId,
        kind: spec.kind ?? 'invoice',
        number: spec.number,
        issueDate: calendarDate(spec.issueDate),
        dueDate: calendarDate(spec.dueDate),
        amountCents: cents(spec.amount),
        currency: spec.currency ?? 'EUR',
      })),
    );
    if (result.issues.length > 0) {
      throw new Error(JSON.stringify(result.issues));
    }
  });
}

export async function makePayment(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  spec: {
    reference: string;
    receivedOn: string;
    amount: number;
    invoiceNumber?: string;
    currency?: string;
  },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const result = await upsertPaymentsInTx(deps, tx, ctx, [
      {
        customerId,
        reference: spec.reference,
        receivedOn: calendarDate(spec.receivedOn),
        amountCents: cents(spec.amount),
        currency: spec.currency ?? 'EUR',
        method: 'transfer',
        invoiceNumber: spec.invoiceNumber,
      },
    ]);
    if (result.issues.length > 0) {
      throw new Error(JSON.stringify(result.issues));
    }
  });
}

/** A scenario step as a test writes it: sent by itself, for every customer, unless told. */
export function scenarioStep(
  offsetDays: number,
  channel: ScenarioStep['channel'],
  templateId: string | null,
  overrides: Partial<Omit<ScenarioStep, 'id'>> = {},
): Omit<ScenarioStep, 'id'> {
  return {
    offsetDays,
    channel,
    templateId,
    needsApproval: false,
    minOverdueCents: null,
    riskCategories: null,
    ...overrides,
  };
}
