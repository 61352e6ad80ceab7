/**
 * The daily dunning run (ADR 22, docs/dunning.md "The daily run"): the day's promises are
 * checked, the invoices paid in full leave their scenario, then the customers with open
 * invoices are decided in slices, each slice one transaction that reads, decides
 * (`decideCustomer`), and writes its actions, the invoices' states and the messages to
 * the outbox together. Running twice for a date, or resuming after a crash, writes
 * nothing twice: an action is keyed by customer, step and day, and an invoice that
 * reached its step today waits for the next run.
 *
 * A dry run does the same in one transaction that is rolled back: its report is exactly
 * what the run would do.
 */
import { placeHoldsInTx } from '../credit/decisions.ts';
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { listAssignableUsers } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import type { Company } from '../companies/model.ts';
import type { CustomerWithContacts } from '../customers/model.ts';
import { listCustomersByIds, setCustomerStatusesInTx } from '../customers/service.ts';
import type { Tx } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { closeSettledDisputesInTx, heldBackAmounts } from '../disputes/service.ts';
import { remindDisputeOwnersInTx } from '../disputes/reminders.ts';
import { DEFAULT_PUBLIC_URL } from '../access/urls.ts';
import { heldBackCents } from '../disputes/model.ts';
import { listMessagesOfSources, queueMessagesInTx } from '../jobs/outbox.ts';
import type { MessageStatus, NewMessage } from '../jobs/model.ts';
import {
  listCustomerCredits,
  listCustomersWithOpenInvoices,
  listOpenInvoicesOfCustomers,
  listInvoicesByIds,
  type OpenInvoiceWithSettlements,
} from '../ledger/service.ts';
import { checkPromisesInTx, livePromisedInvoiceIds } from '../promises/service.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import { cents, sumCents, type Cents } from '../shared/money.ts';
import type { StoredScenario } from './configuration.ts';
import {
  decideCustomer,
  type CustomerDecision,
  type CustomerForDunning,
  type HoldReason,
  type InvoiceInDunning,
} from './decide.ts';
import { renderLetters } from './letter-pdf.ts';
import { effectiveRates } from './penalty-rates.ts';
import type { PenaltyRateTable } from './published-rates.ts';
import {
  ACTION_SOURCE,
  carriedOutOf,
  planActions,
  type Collector,
  type PlannedAction,
  type Sender,
  type TemplateBook,
} from './run-plan.ts';
import {
  finishRunRow,
  findCustomerSettings,
  findInvoiceStates,
  findLastContacts,
  insertActionInvoicesAndStates,
  insertActions,
  insertAgendaItems,
  leaveScenario,
  listRunRows,
  listStatedInvoiceIds,
  setActionMessages,
  startRunRow,
  type NewAgendaItem,
  type RunCounts,
  type RunRecord,
  type StoredInvoiceState,
} from './run-store.ts';
import { ensureConfiguration } from './service.ts';
import { reminderLinks } from './reminder-links.ts';
import { listScenarioRows, listTemplateRows } from './store.ts';
import { resolveScenario } from './configuration.ts';

/** Customers per slice (ADR 22): what one transaction reads, decides and writes. */
export const CUSTOMERS_PER_SLICE = 2_000;
/** Invoices per transaction of the leaving sweep. */
const STATES_PER_SWEEP = 10_000;
/** Lines of each list the report keeps; the counts cover everything. */
export const REPORT_LINES = 500;

export type RunOptions = {
  /** The business date of the run; the company's today by default. */
  date?: CalendarDate;
  dryRun?: boolean;
  sliceSize?: number;
  /** Called after each slice with the customers decided so far. */
  onProgress?: (customersDone: number) => void;
  /**
   * Where the links in the e-mails lead, the departments' and the customers' portal
   * (`PUBLIC_URL`): `DEFAULT_PUBLIC_URL` unless said.
   */
  publicUrl?: string;
};

type CustomerRef = { id: string; code: string; name: string };

export type ReportedAction = {
  customer: CustomerRef;
  stepId: string;
  stepDay: number;
  channel: string;
  status: string;
  invoiceCount: number;
  totalOpenCents: Cents;
  currency: string;
};

export type ReportedHold = { customer: CustomerRef; reason: HoldReason; invoiceCount: number };

export type RunReport = {
  runOn: CalendarDate;
  dryRun: boolean;
  counts: RunCounts;
  actions: ReportedAction[];
  heldBack: ReportedHold[];
};

/** Everything a run reads once, before its slices. */
export type RunSetup = {
  ctx: Ctx;
  today: CalendarDate;
  company: Company;
  sender: Sender;
  scenarios: StoredScenario[];
  templates: TemplateBook;
  collectors: Map<string, Collector>;
  policy: { toleranceCents: Cents; minDaysBetweenContacts: number };
  /** The company's late-payment rates: the published table under its own entries. */
  rates: PenaltyRateTable;
};

function emptyCounts(): RunCounts {
  return {
    customers: 0,
    actions: 0,
    messages: 0,
    awaitingApproval: 0,
    tasks: 0,
    heldBack: 0,
    leaves: 0,
    promisesKept: 0,
    promisesBroken: 0,
  };
}

/** A dry run's transaction ends by this, carrying its report out of the rollback. */
class DryRunRollback extends Error {
  readonly report: RunReport;
  constructor(report: RunReport) {
    super('dry run rolled back');
    this.report = report;
  }
}

function senderOf(company: Company): Sender {
  const city = [company.postalCode, company.city].filter((part) => part !== null).join(' ');
  return {
    name: company.legalName,
    addressLines: [company.addressLine1, company.addressLine2, city === '' ? null : city].filter(
      (line): line is string => line !== null,
    ),
    city: company.city,
  };
}

export async function readSetup(
  deps: Deps,
  ctx: Ctx,
  date: CalendarDate | undefined,
): Promise<RunSetup> {
  const company = await getCompany(deps, ctx.companyId);
  const today = date ?? deps.clock.today(company.timeZone);
  const policy = await ensureConfiguration(deps, ctx);
  const [scenarios, templateRows, users, rates] = [
    await listScenarioRows(deps.db, ctx.companyId),
    await listTemplateRows(deps.db, ctx.companyId),
    await listAssignableUsers(deps, ctx),
    await effectiveRates(deps.db, ctx.companyId),
  ];
  const book = new Map(
    templateRows.map((row) => [`${row.templateId}:${row.language}`, row] as const),
  );
  return {
    ctx,
    today,
    company,
    sender: senderOf(company),
    scenarios,
    templates: (templateId, language) => book.get(`${templateId}:${language}`),
    collectors: new Map(
      users.map((user) => [user.id, { id: user.id, name: user.displayName, email: user.email }]),
    ),
    policy: {
      toleranceCents: policy.toleranceCents,
      minDaysBetweenContacts: policy.minDaysBetweenContacts,
    },
    rates,
  };
}

/** What one slice decided, for the report and the counts. */
type SliceOutcome = {
  customers: number;
  lastCustomerId: string | null;
  planned: PlannedAction[];
  written: PlannedAction[];
  decisions: CustomerDecision[];
  customersById: Map<string, CustomerWithContacts>;
  agendaItems: number;
};

/** An open invoice as the run doses it: what disputes leave to remind, and whether nothing is left. */
type DunnedInvoice = OpenInvoiceWithSettlements & { isWhollyDisputed: boolean };

/**
 * `invoices` with their open amounts less what open disputes hold back (`held`: the disputed
 * part, null for all that is open): the rest is reminded as usual (issue 10), and an invoice
 * with nothing left is held back whole as disputed, its open amount kept (an invoice at 0
 * would leave its scenario as paid).
 */
function lessHeldBack(
  invoices: readonly OpenInvoiceWithSettlements[],
  held: ReadonlyMap<string, Cents | null>,
): DunnedInvoice[] {
  return invoices.map((invoice) => {
    if (!held.has(invoice.id)) {
      return { ...invoice, isWhollyDisputed: false };
    }
    const rest = invoice.openCents - heldBackCents(invoice.openCents, held.get(invoice.id) ?? null);
    return rest > 0
      ? { ...invoice, openCents: cents(rest), isWhollyDisputed: false }
      : { ...invoice, isWhollyDisputed: true };
  });
}

function customersFor(
  setup: RunSetup,
  customers: readonly CustomerWithContacts[],
  invoices: readonly DunnedInvoice[],
  facts: {
    settings: Awaited<ReturnType<typeof findCustomerSettings>>;
    states: Map<string, StoredInvoiceState>;
    messageStatus: Map<string, MessageStatus>;
    lastContacts: Map<string, CalendarDate>;
    promised: Set<string>;
    credits: Map<string, Cents>;
  },
): { forDunning: CustomerForDunning; scenario: StoredScenario | undefined }[] {
  const byCustomerCurrency = new Map<string, DunnedInvoice[]>();
  for (const invoice of invoices) {
    const key = `${invoice.customerId}:${invoice.currency}`;
    const list = byCustomerCurrency.get(key) ?? [];
    list.push(invoice);
    byCustomerCurrency.set(key, list);
  }
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  return [...byCustomerCurrency.entries()].flatMap(([key, list]) => {
    const [customerId = '', currency = ''] = key.split(':');
    const customer = byId.get(customerId);
    if (customer === undefined) {
      return [];
    }
    const setting = facts.settings.get(customerId);
    const scenario = resolveScenario(
      { riskCategory: customer.riskCategory, scenarioId: setting?.scenarioId ?? null },
      setup.scenarios,
    );
    const toInvoice = (invoice: DunnedInvoice): InvoiceInDunning => {
      const state = facts.states.get(invoice.id);
      return {
        invoiceId: invoice.id,
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amountCents: invoice.amountCents,
        openCents: invoice.openCents,
        disputed: invoice.isWhollyDisputed,
        promised: facts.promised.has(invoice.id),
        state:
          state === undefined
            ? null
            : {
                stepId: state.stepId,
                reachedOn: state.reachedOn,
                carriedOut: carriedOutOf(
                  state,
                  state.messageId === null ? undefined : facts.messageStatus.get(state.actionId),
                ),
              },
      };
    };
    return [
      {
        scenario,
        forDunning: {
          customerId,
          riskCategory: customer.riskCategory,
          status: customer.status,
          manualFollowUp: setting?.manualFollowUp ?? false,
          scenario: scenario ?? null,
          lastContactOn: facts.lastContacts.get(customerId) ?? null,
          creditsCents: facts.credits.get(key) ?? cents(0),
          currency,
          invoices: list.map(toInvoice),
        },
      },
    ];
  });
}

/** Draws each letter's PDF: the outbox keeps it with the message, to print in a batch. */
export async function withLetterPdfs(actions: readonly PlannedAction[]): Promise<NewMessage[]> {
  const messages: NewMessage[] = [];
  for (const action of actions) {
    if (action.message === null) {
      continue;
    }
    const { letter, ...message } = action.message;
    messages.push(
      letter === undefined
        ? message
        : {
            ...message,
            attachment: {
              name: `${action.step.id}-${action.customerId}.pdf`,
              contentType: 'application/pdf',
              content: await renderLetters([letter]),
            },
          },
    );
  }
  return messages;
}

async function decideSlice(
  deps: Deps,
  tx: Tx,
  setup: RunSetup,
  slice: { after: string | null; size: number; dryRun: boolean; publicUrl: string },
): Promise<SliceOutcome> {
  const { ctx, today } = setup;
  const { after, size, dryRun } = slice;
  const customerIds = await listCustomersWithOpenInvoices(tx, ctx, after, size);
  const outcome: SliceOutcome = {
    customers: customerIds.length,
    lastCustomerId: customerIds.at(-1) ?? null,
    planned: [],
    written: [],
    decisions: [],
    customersById: new Map(),
    agendaItems: 0,
  };
  if (customerIds.length === 0) {
    return outcome;
  }
  const listed = await listOpenInvoicesOfCustomers(tx, ctx, customerIds, { forShare: !dryRun });
  const customers = await listCustomersByIds(tx, ctx, customerIds);
  const invoiceIds = listed.map((invoice) => invoice.id);
  // The reminders name and sum what is left once disputed parts are held back.
  const invoices = lessHeldBack(listed, await heldBackAmounts(tx, ctx, invoiceIds));
  const settings = await findCustomerSettings(tx, ctx.companyId, customerIds);
  const states = await findInvoiceStates(tx, ctx.companyId, invoiceIds);
  const queued = [...states.values()].filter((state) => state.actionStatus === 'queued');
  const messages = await listMessagesOfSources(tx, ctx, {
    type: ACTION_SOURCE,
    ids: [...new Set(queued.map((state) => state.actionId))],
  });
  const credits = new Map<string, Cents>();
  for (const credit of await listCustomerCredits(tx, ctx, customerIds)) {
    credits.set(`${credit.customerId}:${credit.currency}`, credit.creditsCents);
  }
  const facts = {
    settings,
    states,
    messageStatus: new Map(
      messages.flatMap((message) =>
        message.source.id === null ? [] : [[message.source.id, message.status] as const],
      ),
    ),
    lastContacts: await findLastContacts(tx, ctx.companyId, customerIds),
    promised: await livePromisedInvoiceIds(tx, ctx, invoiceIds),
    credits,
  };
  outcome.customersById = new Map(customers.map((customer) => [customer.id, customer]));
  const invoicesById = new Map(
    invoices.map((invoice) => [invoice.id, { ...invoice, invoiceId: invoice.id }]),
  );
  const creditItems: NewAgendaItem[] = [];
  const now = deps.clock.now();
  const portalLinks = reminderLinks(deps, ctx, { publicUrl: slice.publicUrl, now });
  for (const { forDunning, scenario } of customersFor(setup, customers, invoices, facts)) {
    const decision = decideCustomer(forDunning, today, setup.policy);
    outcome.decisions.push(decision);
    const customer = outcome.customersById.get(decision.customerId);
    if (customer === undefined) {
      continue;
    }
    const collector =
      customer.collectorUserId === null
        ? null
        : (setup.collectors.get(customer.collectorUserId) ?? null);
    if (scenario !== undefined && decision.actions.length > 0) {
      outcome.planned.push(
        ...planActions(
          {
            decision,
            scenario,
            customer,
            language: settings.get(customer.id)?.language ?? ('fr' satisfies Language),
            collector,
            invoices: invoicesById,
            today,
            sender: setup.sender,
            templates: setup.templates,
            rates: setup.rates,
            contractualRateBps: settings.get(customer.id)?.contractualRateBps ?? null,
            portalUrlFor: (actionId) => portalLinks.urlFor(actionId, customer.id),
          },
          deps.ids,
        ),
      );
    }
    const covered = decision.heldBack.filter((held) => held.reason === 'covered_by_credits');
    if (covered.length > 0) {
      creditItems.push(creditsItem(deps, setup, decision, covered, invoicesById, collector));
    }
  }
  const written = await insertActions(tx, ctx.companyId, outcome.planned, today, now);
  outcome.written = outcome.planned.filter((action) => written.has(action.id));
  await insertActionInvoicesAndStates(tx, ctx.companyId, outcome.written, today);
  const sending = outcome.written.filter((action) => action.message !== null);
  const messageIds = await queueMessagesInTx(deps, tx, ctx, await withLetterPdfs(sending));
  const sent = sending.map((action, index) => ({
    actionId: action.id,
    messageId: messageIds[index] ?? '',
  }));
  await setActionMessages(tx, ctx.companyId, sent);
  const portalLinkIds = await portalLinks.save(tx, sent);
  const heldIds = outcome.written
    .filter((action) => action.customerStatus === 'on_hold')
    .map((action) => action.customerId);
  if (heldIds.length > 0) {
    // A hold step is a credit hold like another (issue 12): released by the same rules.
    await placeHoldsInTx(deps, tx, ctx, [...new Set(heldIds)], 'dunning', null);
  }
  const litigationIds = outcome.written
    .filter((action) => action.customerStatus === 'in_litigation')
    .map((action) => action.customerId);
  if (litigationIds.length > 0) {
    await setCustomerStatusesInTx(deps, tx, ctx, litigationIds, 'in_litigation');
  }
  outcome.agendaItems = (await insertAgendaItems(tx, ctx.companyId, creditItems, today, now)).size;
  await recordEvents(
    tx,
    ctx,
    outcome.written.map((action) => ({
      action: 'dunning.step_reached',
      entityType: 'dunning_action',
      entityId: action.id,
      customerId: action.customerId,
      data: {
        stepId: action.step.id,
        offsetDays: action.step.offsetDays,
        channel: action.step.channel,
        status: action.status,
        invoiceCount: action.invoices.length,
        totalOpenCents: action.totalOpenCents,
        currency: action.currency,
        subject: action.message?.subject ?? null,
        portalLinkId: portalLinkIds.get(action.id) ?? null,
      },
    })),
  );
  return outcome;
}

/**
 * The collector's item for a customer whose credits cover what would be dunned: apply
 * them rather than remind. Once per customer, currency and oldest invoice covered, so it
 * is not made again each day while nobody has applied them.
 */
function creditsItem(
  deps: Deps,
  setup: RunSetup,
  decision: CustomerDecision,
  covered: CustomerDecision['heldBack'],
  invoices: Map<string, OpenInvoiceWithSettlements>,
  collector: Collector | null,
): NewAgendaItem {
  const listed = covered.flatMap((held) => {
    const invoice = held.invoiceId === null ? undefined : invoices.get(held.invoiceId);
    return invoice === undefined ? [] : [invoice];
  });
  const oldest = listed.map((invoice) => invoice.dueDate).toSorted()[0] ?? null;
  return {
    id: deps.ids.newId(),
    dedupeKey: `credits:${decision.customerId}:${decision.currency}:${oldest ?? setup.today}`,
    kind: 'credits_to_apply',
    customerId: decision.customerId,
    assigneeUserId: collector?.id ?? null,
    totalOpenCents: sumCents(listed.map((invoice) => invoice.openCents)),
    currency: decision.currency,
    oldestDueDate: oldest,
    dueOn: setup.today,
    promiseId: null,
    note: null,
    invoices: listed.map((invoice) => ({ invoiceId: invoice.id, openCents: invoice.openCents })),
  };
}

/** The day's promises: their fate settled, an agenda item for each falling due or broken. */
async function checkPromises(
  deps: Deps,
  tx: Tx,
  setup: RunSetup,
): Promise<{ kept: number; broken: number }> {
  const { ctx, today } = setup;
  const checked = await checkPromisesInTx(deps, tx, ctx, today);
  const toFollow = [
    ...checked.fallingDue.map((promise) => ({ promise, kind: 'promise_due' as const })),
    ...checked.broken.map((promise) => ({ promise, kind: 'promise_broken' as const })),
    ...checked.partlyKept.map((promise) => ({ promise, kind: 'promise_broken' as const })),
  ];
  const customers = new Map(
    (
      await listCustomersByIds(tx, ctx, [
        ...new Set(toFollow.map(({ promise }) => promise.customerId)),
      ])
    ).map((customer) => [customer.id, customer]),
  );
  const items: NewAgendaItem[] = toFollow.map(({ promise, kind }) => ({
    id: deps.ids.newId(),
    dedupeKey: `${kind}:${promise.id}`,
    kind,
    customerId: promise.customerId,
    assigneeUserId: customers.get(promise.customerId)?.collectorUserId ?? null,
    totalOpenCents: cents(Math.max(0, promise.amountCents - promise.paidCents)),
    currency: promise.currency,
    oldestDueDate: null,
    dueOn: today,
    promiseId: promise.id,
    note: null,
    invoices: promise.invoiceIds.map((invoiceId) => ({ invoiceId, openCents: cents(0) })),
  }));
  await insertAgendaItems(tx, ctx.companyId, items, today, deps.clock.now());
  return { kept: checked.kept.length, broken: checked.broken.length + checked.partlyKept.length };
}

/** Invoices paid or credited in full leave their scenario, in slices of their states. */
async function sweepLeaves(
  deps: Deps,
  step: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  setup: RunSetup,
): Promise<number> {
  let after: string | null = null;
  let left = 0;
  for (;;) {
    const { ids, gone }: { ids: string[]; gone: string[] } = await step(async (tx) => {
      const stated = await listStatedInvoiceIds(tx, setup.ctx.companyId, after, STATES_PER_SWEEP);
      const open = new Set(
        (await listInvoicesByIds(tx, setup.ctx, stated))
          .filter((invoice) => invoice.openCents > 0)
          .map((invoice) => invoice.id),
      );
      const leaving = stated.filter((id) => !open.has(id));
      await leaveScenario(tx, setup.ctx.companyId, leaving, deps.clock.now());
      return { ids: stated, gone: leaving };
    });
    left += gone.length;
    if (ids.length < STATES_PER_SWEEP) {
      return left;
    }
    after = ids.at(-1) ?? null;
  }
}

function reportLines(report: RunReport, counts: RunCounts, slice: SliceOutcome): void {
  const ref = (customerId: string): CustomerRef => {
    const customer = slice.customersById.get(customerId);
    return { id: customerId, code: customer?.code ?? '', name: customer?.legalName ?? '' };
  };
  // What this run wrote: not what an earlier run of the day did (a dry run rolls it back).
  const actions = slice.written;
  counts.customers += slice.customers;
  counts.actions += actions.length;
  counts.messages += actions.filter((action) => action.message !== null).length;
  counts.awaitingApproval += actions.filter(
    (action) => action.status === 'awaiting_approval',
  ).length;
  counts.tasks += actions.filter((action) => action.status === 'open').length + slice.agendaItems;
  for (const action of actions) {
    if (report.actions.length >= REPORT_LINES) {
      break;
    }
    report.actions.push({
      customer: ref(action.customerId),
      stepId: action.step.id,
      stepDay: action.step.offsetDays,
      channel: action.step.channel,
      status: action.status,
      invoiceCount: action.invoices.length,
      totalOpenCents: action.totalOpenCents,
      currency: action.currency,
    });
  }
  for (const decision of slice.decisions) {
    const byReason = new Map<HoldReason, number>();
    for (const held of decision.heldBack) {
      byReason.set(
        held.reason,
        (byReason.get(held.reason) ?? 0) + (held.invoiceId === null ? 0 : 1),
      );
    }
    counts.heldBack += byReason.size > 0 ? 1 : 0;
    for (const [reason, invoiceCount] of byReason) {
      if (report.heldBack.length < REPORT_LINES) {
        report.heldBack.push({ customer: ref(decision.customerId), reason, invoiceCount });
      }
    }
  }
}

/**
 * Runs the company's dunning for `options.date` (its today by default): promises, leaves,
 * then every customer with open invoices, slice by slice. Credit managers and admins
 * (`dunning:configure`), and the scheduled job.
 */
export async function runDunning(
  deps: Deps,
  ctx: Ctx,
  options: RunOptions = {},
): Promise<RunReport> {
  requirePermission(ctx, 'dunning:configure');
  const setup = await readSetup(deps, ctx, options.date);
  const dryRun = options.dryRun === true;
  const size = options.sliceSize ?? CUSTOMERS_PER_SLICE;
  const counts = emptyCounts();
  const report: RunReport = { runOn: setup.today, dryRun, counts, actions: [], heldBack: [] };
  const work = async (step: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>) => {
    if (!dryRun) {
      await step((tx) =>
        startRunRow(tx, ctx.companyId, {
          id: deps.ids.newId(),
          runOn: setup.today,
          now: deps.clock.now(),
        }),
      );
    }
    const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
    if (!dryRun) {
      // Disputes whose invoices got paid close first, in their own transaction: their
      // invoices are then dunned (or left) like any other today.
      await step((tx) => closeSettledDisputesInTx(deps, tx, ctx, setup.today));
      // The departments that owe an answer are reminded, and escalated past the deadline.
      await step((tx) => remindDisputeOwnersInTx(deps, tx, ctx, setup.today, { publicUrl }));
    }
    const promises = await step((tx) => checkPromises(deps, tx, setup));
    counts.promisesKept = promises.kept;
    counts.promisesBroken = promises.broken;
    counts.leaves = await sweepLeaves(deps, step, setup);
    let after: string | null = null;
    for (;;) {
      const slice: SliceOutcome = await step((tx) =>
        decideSlice(deps, tx, setup, { after, size, dryRun, publicUrl }),
      );
      reportLines(report, counts, slice);
      options.onProgress?.(counts.customers);
      if (slice.customers < size || slice.lastCustomerId === null) {
        break;
      }
      after = slice.lastCustomerId;
    }
    if (!dryRun) {
      await step((tx) => finishRunRow(tx, ctx.companyId, setup.today, counts, deps.clock.now()));
    }
  };
  if (!dryRun) {
    await work((fn) => inTransaction(deps.db, fn));
    return report;
  }
  try {
    await inTransaction(deps.db, async (tx) => {
      await work((fn) => fn(tx));
      throw new DryRunRollback(report);
    });
  } catch (error) {
    if (error instanceof DryRunRollback) {
      return error.report;
    }
    throw error;
  }
  return report;
}

/** The company's last runs, latest first. */
export async function listRuns(deps: Deps, ctx: Ctx, limit = 30): Promise<RunRecord[]> {
  requirePermission(ctx, 'customers:read');
  return listRunRows(deps.db, ctx.companyId, limit);
}
