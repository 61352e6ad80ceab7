import { seedDemoCredit, type DemoCreditResult } from './demo-credit.ts';
import { cliContext, type Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import {
  PENDING_EVENTS_TABLE,
  PENDING_EVENT_COLUMNS,
  prepareBulkEvents,
  recordEvents,
} from '../audit/service.ts';
import { createUser } from '../auth/service.ts';
import { generatePassword } from '../auth/secrets.ts';
import type { Company } from '../companies/model.ts';
import { createCompany, findCompanies } from '../companies/service.ts';
import type { CustomerWithContacts } from '../customers/model.ts';
import { copyCustomers } from '../customers/service.ts';
import { copyDisputes } from '../disputes/copy-disputes.ts';
import { copyLedger } from '../ledger/service.ts';
import { frenchVatNumber } from '../shared/identifiers.ts';
import {
  analyzeTables,
  copyRows,
  createCopyStream,
  inBulkTransaction,
  settleAfterBulkLoad,
  type RowSink,
} from '../db/bulk-copy.ts';
import { loadAsOnlyCompany } from '../db/rebuilt-indexes.ts';
import type { DbHandle } from '../db/client.ts';
import { ConflictError } from '../shared/errors.ts';
import type { TRole } from '../shared/schemas.ts';
import {
  createDunningPicker,
  DEMO_REPLAY_DAYS,
  type DemoTeamMember,
} from './demo-dunning-picks.ts';
import { createDisputePicker } from './demo-disputes.ts';
import type { DemoDunningResult } from './demo-dunning.ts';
import {
  DEMO_SIZES,
  generateDemo,
  type DemoBatch,
  type DemoCustomer,
  type DemoSize,
} from './generate.ts';

export const DEMO_COMPANY_CODE = 'demo';

/** The demo company's time zone: its ledger ends on today's date there. */
export const DEMO_TIME_ZONE = 'Europe/Paris';

const DEMO_SIREN = '813519469';

/** The demo company's administrator, who signs in first. */
export const DEMO_ADMIN_EMAIL = 'admin@demo.encaisse.test';

const DEMO_TEAM: readonly { email: string; displayName: string; role: TRole }[] = [
  { email: DEMO_ADMIN_EMAIL, displayName: 'Hélène Garnier', role: 'admin' },
  {
    email: 'claire.martin@demo.encaisse.test',
    displayName: 'Claire Martin',
    role: 'credit_manager',
  },
  { email: 'julien.petit@demo.encaisse.test', displayName: 'Julien Petit', role: 'collector' },
  { email: 'sophie.bernard@demo.encaisse.test', displayName: 'Sophie Bernard', role: 'collector' },
  { email: 'karim.haddad@demo.encaisse.test', displayName: 'Karim Haddad', role: 'collector' },
  { email: 'lucas.moreau@demo.encaisse.test', displayName: 'Lucas Moreau', role: 'read_only' },
];

/** The tables the demo fills, in load order. */
export const LOADED_TABLES = [
  'customer',
  'customer_contact',
  'invoice',
  'payment',
  'allocation',
  'event',
] as const;

/**
 * Those it COPYs into, whose keys and indexes a first load rebuilds (ADR 7). Events
 * go through the audit trail's staging instead, to be numbered and chained at
 * COMMIT (ADR 14); `event` keeps its indexes, and is never locked or truncated.
 */
const COPIED_TABLES = LOADED_TABLES.filter((table) => table !== 'event');

/**
 * The disputes' tables, loaded after the ledger (their keys point at its invoices) in one
 * COPY transaction of their own: a few % of the invoices, with their live keys checked.
 */
export const DISPUTE_TABLES = [
  'department',
  'dispute',
  'dispute_invoice',
  'dispute_comment',
  'dispute_counter',
] as const;

/** COPY pieces of about 8 MB: few statements, and memory stays low. */
const COPY_PIECE_CHARS = 8_000_000;

/**
 * Customer counts at which the loaded tables are analyzed during the load. PostgreSQL
 * (PGlite too) plans each foreign-key check once per session and keeps that plan; made
 * while the tables were nearly empty, it scans the company's rows instead of looking
 * the key up, and the load turns quadratic (size M, 1,000-invoice batches: 218 s, 17 s
 * with these). ANALYZE gives the planner the grown tables and invalidates those plans.
 */
const ANALYZE_AT_CUSTOMERS = [200, 1_000, 10_000];

export type DemoResult = {
  company: Company;
  password: string;
  users: { email: string; role: TRole }[];
  counts: { customers: number; invoices: number; payments: number; allocations: number };
  /** The disputes loaded (open and resolved), and those still open. */
  disputes: { total: number; open: number };
  /** What the replay of the past daily runs did; null when it was not asked for. */
  dunning: DemoDunningResult | null;
  /** The limits decided and orders received for a few dozen entities (issue 12), with the replay. */
  credit: DemoCreditResult | null;
};

/**
 * How far a load is: rows sent so far, then (when no other company has data: ADR 7)
 * `indexes` while the keys, indexes and foreign keys are rebuilt and checked, then
 * `dunning` while the past daily runs are replayed (`day` of `days`), when asked for.
 */
export type DemoProgress = (progress: {
  phase: 'rows' | 'indexes' | 'dunning';
  customers: number;
  invoices: number;
  totalCustomers: number;
  day?: number;
  days?: number;
}) => void;

/**
 * Creates the demo company, its team (one password, printed once by the CLI) and
 * a deterministic ledger ending at the company's today, loaded with COPY: in one
 * transaction with the indexes rebuilt after when no other company has data (a new
 * database: ADR 7), else in one transaction per batch beside the other companies.
 */
export async function loadDemo(
  handle: DbHandle,
  deps: Deps,
  options: {
    size: DemoSize;
    seed: number;
    /** Who loads it (the operating-system user, for the CLI): the actor of its events. */
    operator: string;
    onProgress?: DemoProgress | undefined;
    /**
     * Replays the daily dunning runs of the last days (`DEMO_REPLAY_DAYS` of the size, or
     * `days`) after the load (demo-dunning.ts): the CLI's `demo` asks for it; off by
     * default, so the bench times the load alone.
     */
    dunning?: boolean | { days: number } | undefined;
  },
): Promise<DemoResult> {
  const existing = await findCompanies(deps);
  if (existing.some((company) => company.code === DEMO_COMPANY_CODE)) {
    throw new ConflictError('demo_exists');
  }
  const company = await createCompany(deps, {
    code: DEMO_COMPANY_CODE,
    legalName: 'Atelier Verdier Équipements SAS',
    siren: DEMO_SIREN,
    vatNumber: frenchVatNumber(DEMO_SIREN),
    addressLine1: '14 rue de la Mécanique',
    addressLine2: 'ZI des Trois Fontaines',
    postalCode: '69800',
    city: 'Saint-Priest',
    country: 'FR',
    currency: 'EUR',
    timeZone: DEMO_TIME_ZONE,
  });
  const ctx = cliContext(company.id, options.operator);
  const password = generatePassword();
  const collectorIds: string[] = [];
  const team: DemoTeamMember[] = [];
  for (const member of DEMO_TEAM) {
    const { user } = await createUser(deps, ctx, { ...member, password });
    team.push({ id: user.id, displayName: user.displayName, role: member.role });
    if (member.role === 'collector') {
      collectorIds.push(user.id);
    }
  }
  const picker = options.dunning ? createDunningPicker(options.seed) : undefined;
  const today = deps.clock.today(company.timeZone);
  const disputePicker = createDisputePicker({ seed: options.seed, today, team });
  const counts = { customers: 0, invoices: 0, payments: 0, allocations: 0 };
  const totalCustomers = DEMO_SIZES[options.size].customers;
  const batches = generateDemo({
    size: options.size,
    seed: options.seed,
    today,
    companyId: company.id,
    currency: 'EUR',
  });
  const count = (batch: DemoBatch) => {
    counts.customers += batch.customers.length;
    counts.invoices += batch.invoices.length;
    counts.payments += batch.payments.length;
    counts.allocations += batch.allocations.length;
    picker?.add(batch.customers);
    disputePicker.add(batch);
    options.onProgress?.({ phase: 'rows', ...counts, totalCustomers });
  };
  const loadedWhole = await inBulkTransaction(handle, async (session) => {
    await prepareBulkEvents(session, company.id);
    return loadAsOnlyCompany(
      session,
      { companyId: company.id, tables: COPIED_TABLES },
      async (emptied) => {
        const stream = createCopyStream(session, { pieceChars: COPY_PIECE_CHARS, frozen: emptied });
        for (const batch of batches) {
          await copyBatch(stream.add, ctx, batch, collectorIds);
          count(batch);
          // Lets the socket take the piece in flight while the next batch is generated.
          await new Promise(setImmediate);
        }
        await stream.finish();
        options.onProgress?.({ phase: 'indexes', ...counts, totalCustomers });
      },
    );
  });
  if (!loadedWhole) {
    for (const batch of batches) {
      await inBulkTransaction(handle, async (session) => {
        await prepareBulkEvents(session, company.id);
        await copyBatch(copyRows(session), ctx, batch, collectorIds);
      });
      const before = counts.customers;
      count(batch);
      if (ANALYZE_AT_CUSTOMERS.some((mark) => before < mark && counts.customers >= mark)) {
        await analyzeTables(handle, LOADED_TABLES);
      }
    }
  }
  const disputes = disputePicker.rows();
  await inBulkTransaction(handle, (session) => copyDisputes(copyRows(session), ctx, disputes));
  await recordEvents(deps.db, ctx, [
    {
      action: 'demo.loaded',
      entityType: 'company',
      entityId: company.id,
      customerId: null,
      data: {
        size: options.size,
        seed: options.seed,
        ...counts,
        disputes: disputes.disputes.length,
      },
    },
  ]);
  await settleAfterBulkLoad(handle, [...LOADED_TABLES, ...DISPUTE_TABLES], {
    analyzed: loadedWhole ? COPIED_TABLES : [],
  });
  const dunning =
    picker === undefined
      ? null
      : // Loaded only to replay: the run's code (letters, templates) stays out of the CLI's heap.
        await (
          await import('./demo-dunning.ts')
        ).replayDemoDunning(deps, ctx, {
          seed: options.seed,
          today,
          timeZone: company.timeZone,
          days:
            typeof options.dunning === 'object'
              ? options.dunning.days
              : DEMO_REPLAY_DAYS[options.size],
          team,
          picks: picker.picks(),
          onProgress: ({ day, days }) =>
            options.onProgress?.({ phase: 'dunning', ...counts, totalCustomers, day, days }),
        });
  // With the replay only: a bare load (the tests', the bench's) stays the ledger alone.
  const credit = options.dunning
    ? await seedDemoCredit(deps, ctx, { seed: options.seed, today })
    : null;
  return {
    company,
    password,
    users: DEMO_TEAM.map(({ email, role }) => ({ email, role })),
    counts,
    credit,
    disputes: {
      total: disputes.disputes.length,
      open: disputes.disputes.filter((dispute) => dispute.status !== 'resolved').length,
    },
    dunning,
  };
}

/** A demo customer as the customers capability stores it, with its collector. */
function asCustomer(customer: DemoCustomer, collectorUserId: string | null): CustomerWithContacts {
  return {
    id: customer.id,
    code: customer.code,
    legalName: customer.legalName,
    siren: customer.siren,
    siret: customer.siret,
    vatNumber: customer.vatNumber,
    billingAddress: {
      line1: customer.billingAddressLine1,
      line2: null,
      postalCode: customer.billingPostalCode,
      city: customer.billingCity,
      country: customer.billingCountry,
    },
    deliveryAddress: null,
    paymentTerms: customer.paymentTerms,
    paymentMethod: customer.paymentMethod,
    depositBps: customer.depositBps,
    creditLimitCents: customer.creditLimitCents,
    collectorUserId,
    salesRep: customer.salesRep,
    riskCategory: customer.riskCategory,
    status: customer.status,
    contacts: customer.contacts,
  };
}

/**
 * Sends a batch down `copy` through each capability's own column definitions (customers,
 * then the ledger), then the customers' creation events.
 */
async function copyBatch(
  copy: RowSink,
  ctx: Ctx,
  batch: DemoBatch,
  collectorIds: readonly string[],
) {
  await copyCustomers(
    copy,
    ctx,
    batch.customers.map((customer, index) =>
      asCustomer(
        customer,
        // Portfolios split by customer code, as collection teams often do.
        collectorIds[(Number(customer.code.replace(/\D/g, '')) || index) % collectorIds.length] ??
          null,
      ),
    ),
  );
  await copyLedger(copy, ctx, batch);
  const companyId = ctx.companyId;
  await copy(
    PENDING_EVENTS_TABLE,
    PENDING_EVENT_COLUMNS,
    batch.customers.map((customer) => [
      companyId,
      'system',
      null,
      'customer.created',
      'customer',
      customer.id,
      customer.id,
      JSON.stringify({ code: customer.code, legalName: customer.legalName, source: 'demo' }),
    ]),
  );
}
