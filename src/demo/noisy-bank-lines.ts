/**
 * Incoming bank lines for a given ledger, as noisy as a French company's bank feed, each
 * with the truth of what it pays: the input of the cash-application matcher's tests, of
 * the demo's bank feed and of the benchmark that scores a matcher against the truths.
 *
 * Each line is one scenario a matcher meets (`NoisyScenario`): the invoice number written
 * as stored, rewritten or mistyped; several invoices in one transfer; no reference but an
 * IBAN already seen with one; a partial payment or an excess; a credit note deducted; a
 * parent company paying; only a name and an amount; a payer who is no customer; money
 * going out. Payers' names come the way banks pass them on: capitals without accents, the
 * legal form dropped or moved, `&` spelt `ET`, cut at 35 characters, now and then mistyped.
 *
 * Pure and deterministic: the same ledger, options and seed give the same lines (every
 * draw comes from `random.ts`). The ledger is indexed once, by customer, and each draw
 * touches one customer's items only, so 10,000 lines over 200,000 open items take well
 * under a second.
 */
import type { OpenItem as MatchableItem } from '../bank/matching/match-book.ts';
import type { BankLine } from '../imports/bank/statement.ts';
import { formatDate, toParts, type CalendarDate } from '../shared/calendar-date.ts';
import { ibanFromRib } from '../shared/identifiers.ts';
import {
  cents,
  currencyCode,
  minorDigits,
  negateCents,
  sumCents,
  type Cents,
} from '../shared/money.ts';
import {
  ACTIVITIES,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  SCI_NAMES,
} from './french-names.ts';
import { createRng, mixSeed, type Rng } from './random.ts';

/** A customer of the ledger, as the generator needs it. */
export type LedgerCustomer = { id: string; code: string; legalName: string };

/** An open invoice or credit note as the matcher reads it, with its currency. */
export type LedgerOpenItem = MatchableItem & { currency: string };

/** The situations a line stands for; `DEFAULT_NOISY_MIX` says how often each comes. */
export type NoisyScenario =
  | 'exact_reference'
  | 'reformatted_reference'
  | 'typo_reference'
  | 'several_invoices'
  | 'known_iban_exact_amount'
  | 'known_iban_sum'
  | 'partial_payment'
  | 'overpayment'
  | 'credit_note_deducted'
  | 'parent_company'
  | 'name_only_exact_amount'
  | 'unknown_payer'
  | 'outgoing';

/** The scenarios of a line that pays the ledger. */
export type ReceivableScenario = Exclude<NoisyScenario, 'unknown_payer' | 'outgoing'>;

/**
 * What a line truly pays, as the generator meant it: what a perfect matcher would do.
 *
 * For a receivable, `allocations` plus `unappliedCents` add up to the line's amount.
 * An invoice's allocation is positive (all its open amount, or less for a partial
 * payment). A credit note the payer deducted is an allocation too, of minus its whole
 * open amount, under `invoiceId` (which then holds the credit note's id): the payment
 * settles the invoices with the line's money plus the credit. `writtenReferences` are
 * the references as the text spells them (stored, rewritten or mistyped), in allocation
 * order; empty when the text names none. No item is in two lines' truths, so the truths
 * of a set can be applied one after another.
 */
export type NoisyLineTruth =
  | {
      kind: 'receivable';
      scenario: ReceivableScenario;
      customerId: string;
      allocations: { invoiceId: string; amountCents: Cents }[];
      unappliedCents: Cents;
      writtenReferences: readonly string[];
    }
  | { kind: 'unknown_payer'; scenario: 'unknown_payer' }
  | { kind: 'outgoing'; scenario: 'outgoing' };

/** The lines, their truths (same index) and the IBAN each customer pays from. */
export type NoisyBankLines = {
  lines: BankLine[];
  truths: NoisyLineTruth[];
  /** Customer id → the IBAN it pays from, for every customer of the ledger. */
  payerIbans: ReadonlyMap<string, string>;
};

/** The ledger lines are drawn for. */
export type NoisyLedger = {
  customers: readonly LedgerCustomer[];
  openItems: readonly LedgerOpenItem[];
};

/** How many lines, on which day, in which currency, and with which mix of scenarios. */
export type NoisyBankLineOptions = {
  seed: number;
  count: number;
  bookingDate: CalendarDate;
  /** Default EUR; only open items in it are used. */
  currency?: string;
  /** Relative weights, merged over `DEFAULT_NOISY_MIX` (0 leaves a scenario out). */
  mix?: Partial<Record<NoisyScenario, number>>;
};

/**
 * How often each scenario comes, as weights: about what a French SME's collector sees,
 * most transfers naming their invoice, a tail of the cases a matcher gets wrong.
 */
export const DEFAULT_NOISY_MIX: Readonly<Record<NoisyScenario, number>> = {
  exact_reference: 30,
  reformatted_reference: 15,
  typo_reference: 8,
  several_invoices: 12,
  known_iban_exact_amount: 8,
  known_iban_sum: 4,
  partial_payment: 5,
  overpayment: 3,
  credit_note_deducted: 4,
  parent_company: 3,
  name_only_exact_amount: 3,
  unknown_payer: 3,
  outgoing: 2,
};

/** SEPA's unstructured remittance information is Max140Text. */
const MAX_TEXT_LENGTH = 140;
/** The old SEPA name field; many banks still cut payers' names there. */
const SHORT_NAME_LENGTH = 35;
/** How many customers or items a scenario tries before it falls back to `exact_reference`. */
const MAX_ATTEMPTS = 12;
/**
 * `known_iban_sum` checks every combination of up to 3 unused invoices, which is
 * quadratic: a customer with more unused invoices than this is not drawn for it.
 */
const MAX_SUM_CHECK_INVOICES = 200;
/** Share of lines that carry the payer's IBAN where the scenario does not fix it. */
const IBAN_GIVEN_CHANCE = 0.9;
/** Share of `exact_reference` lines that also carry an ISO 11649 creditor reference. */
const STRUCTURED_REFERENCE_CHANCE = 0.05;
/** Share of lines whose payer's name has a letter wrong. */
const NAME_TYPO_CHANCE = 0.03;

/** Seeds of the independent streams: a customer's IBAN does not depend on the lines drawn. */
const STREAM = { lines: 1, iban: 2, name: 3, parent: 4, supplier: 5 } as const;

/**
 * Scenarios whose line names its invoices cleanly: with the customer's IBAN on it, a
 * matcher learns that IBAN, which `known_iban_*` lines then rely on. A mistyped
 * reference teaches nothing sure.
 */
const TEACHING_SCENARIOS: ReadonlySet<ReceivableScenario> = new Set<ReceivableScenario>([
  'exact_reference',
  'reformatted_reference',
  'several_invoices',
  'partial_payment',
  'overpayment',
  'credit_note_deducted',
]);

/** Bank codes of large French networks (BNP Paribas, Société Générale, LCL, Crédit Mutuel…). */
const BANK_CODES = (
  '30004 30003 30002 10278 30066 11306 13335 14505 10107 18206 ' +
  '20041 30056 12506 16606 17515 30076 10096 13807 15589 42559'
).split(' ');

/** Legal forms as a name carries them, before or after it (`SAS ACME`, `ACME SAS`). */
const LEGAL_FORMS: ReadonlySet<string> = new Set(
  'SA SAS SASU SARL EURL SNC SCI SCOP SCP SELARL GIE EI EIRL'.split(' '),
);

/** Month names as bank texts write them, in capitals without accents. */
const MONTHS =
  'JANVIER FEVRIER MARS AVRIL MAI JUIN JUILLET AOUT SEPTEMBRE OCTOBRE NOVEMBRE DECEMBRE'.split(' ');

/** Whole amounts, in units of the currency, that people transfer when they owe no invoice. */
const ROUND_AMOUNTS = [20, 50, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2000, 2500, 5000];

type Supplier = {
  name: string;
  text: (rng: Rng, period: string) => string;
  minUnits: number;
  maxUnits: number;
};

/** Who the company pays: the social charges, taxes, utilities and suppliers of an SME. */
const SUPPLIERS: readonly Supplier[] = [
  {
    name: 'URSSAF ILE DE FRANCE',
    text: (_, period) => `PRLV SEPA URSSAF COTISATIONS ${period}`,
    minUnits: 800,
    maxUnits: 25_000,
  },
  {
    name: 'DGFIP',
    text: (_, period) => `PRLV SEPA DGFIP TVA ${period}`,
    minUnits: 500,
    maxUnits: 40_000,
  },
  {
    name: 'EDF ENTREPRISES',
    text: (rng) => `PRLV SEPA EDF FACTURE ${digits(rng, 10)}`,
    minUnits: 80,
    maxUnits: 3000,
  },
  {
    name: 'ORANGE BUSINESS',
    text: (rng) => `PRLV ORANGE ABONNEMENT ${digits(rng, 8)}`,
    minUnits: 40,
    maxUnits: 900,
  },
  {
    name: 'AXA FRANCE IARD',
    text: (rng) => `PRLV AXA CONTRAT ${digits(rng, 9)} ECHEANCE`,
    minUnits: 100,
    maxUnits: 4000,
  },
  {
    name: 'LOCAM',
    text: (_, period) => `PRLV LOCAM LOYER ${period}`,
    minUnits: 60,
    maxUnits: 1200,
  },
  {
    name: 'LYRECO FRANCE',
    text: (rng) => `VIR FOURNISSEUR LYRECO FACT ${digits(rng, 8)}`,
    minUnits: 50,
    maxUnits: 2500,
  },
];

type OpenItem = {
  item: LedgerOpenItem;
  owner: CustomerState;
  isUsed: boolean;
  /** Index in its owner's `invoices` or `creditNotes` while unused (swap-removed). */
  slot: number;
};

type Payer = { name: string; iban: string };

type CustomerState = {
  customer: LedgerCustomer;
  key: number;
  iban: string;
  /** All its invoices in the currency, oldest first; `oldest` skips the used ones at the head. */
  byAge: OpenItem[];
  oldest: number;
  /** Unused invoices and credit notes, in no order. */
  invoices: OpenItem[];
  creditNotes: OpenItem[];
  /** Whether a line already taught a matcher its IBAN (see `TEACHING_SCENARIOS`). */
  isLearnt: boolean;
  bankName: string | undefined;
  parent: Payer | undefined;
};

type Context = {
  rng: Rng;
  /** Reseeded for each customer's, parent's or supplier's own draws (see `STREAM`). */
  scratch: Rng;
  seed: number;
  /** One unit of the currency in minor units (100 for EUR). */
  unit: number;
  bookingDate: CalendarDate;
  active: CustomerState[];
  creditNoteHolders: CustomerState[];
  learnt: CustomerState[];
  /** Unused open items per open amount, over the whole ledger. */
  amountCounts: Map<number, number>;
  /** Every number of the ledger as stored, and its digits alone (see `NumberFilter`). */
  numbers: NumberFilter;
  /** Customers' names as a bank writes them, without legal form. */
  customerNames: ReadonlySet<string>;
  ibans: Set<string>;
  payerIbans: Map<string, string>;
  supplierIbans: Map<string, string>;
};

type Receipt = {
  scenario: ReceivableScenario;
  state: CustomerState;
  items: readonly OpenItem[];
  amountCents: Cents;
  allocations: { invoiceId: string; amountCents: Cents }[];
  unappliedCents: Cents;
  text: string;
  written: readonly string[];
  payer: { name: string; iban: string | null };
  structured: readonly string[];
};

type Draft = {
  amountCents: Cents;
  name: string;
  iban: string | null;
  text: string;
  structured: readonly string[];
  truth: NoisyLineTruth;
};

/**
 * Draws `count` bank lines for `ledger`, with the truth of each. Each open item (in the
 * currency, open amount > 0) is used by one line at most. A scenario that cannot be drawn
 * (no customer left with a credit note and an invoice, no IBAN learnt yet…) gives an
 * `exact_reference` line instead; once no unused invoice is left, generation stops at the
 * next line that should pay one, so fewer lines than `count` come back. Throws a
 * RangeError for a bad count or mix, or an open item whose customer is not in the ledger.
 */
export function generateNoisyBankLines(
  ledger: NoisyLedger,
  options: NoisyBankLineOptions,
): NoisyBankLines {
  const currency = options.currency ?? 'EUR';
  const mixTable = checkOptions(options);
  const context = indexLedger(ledger, options, currency);
  const lines: BankLine[] = [];
  const truths: NoisyLineTruth[] = [];
  for (let index = 0; index < options.count; index++) {
    const scenario = context.rng.weighted(mixTable);
    const draft = drawLine(context, scenario);
    if (draft === undefined) {
      break;
    }
    lines.push(bankLine(context, draft, index, currency));
    truths.push(draft.truth);
  }
  return { lines, truths, payerIbans: context.payerIbans };
}

function checkOptions(options: NoisyBankLineOptions): (readonly [NoisyScenario, number])[] {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new RangeError(`Not a line count: ${options.count}`);
  }
  const mix = { ...DEFAULT_NOISY_MIX, ...options.mix };
  const table = Object.entries(mix).flatMap(([scenario, weight]) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Not a weight for ${scenario}: ${weight}`);
    }
    return isScenario(scenario) && weight > 0 ? [[scenario, weight] as const] : [];
  });
  if (table.length === 0) {
    throw new RangeError('The mix gives every scenario a weight of 0');
  }
  return table;
}

function isScenario(name: string): name is NoisyScenario {
  return Object.hasOwn(DEFAULT_NOISY_MIX, name);
}

/** Builds the per-customer index the draws run on, once. */
function indexLedger(
  ledger: NoisyLedger,
  options: NoisyBankLineOptions,
  currency: string,
): Context {
  // One stream reseeded per customer: a fresh `Rng` each costs more than its draws.
  const scratch = createRng(0);
  const ibans = new Set<string>();
  const payerIbans = new Map<string, string>();
  const states = new Map<string, CustomerState>();
  const customerNames = new Set<string>();
  for (const customer of ledger.customers) {
    const key = hashText(customer.id);
    scratch.reseed(mixSeed(options.seed, STREAM.iban, key));
    const iban = drawUniqueIban(ibans, scratch);
    payerIbans.set(customer.id, iban);
    customerNames.add(coreName(customer.legalName));
    states.set(customer.id, {
      customer,
      key,
      iban,
      byAge: [],
      oldest: 0,
      invoices: [],
      creditNotes: [],
      isLearnt: false,
      bankName: undefined,
      parent: undefined,
    });
  }
  const numbers = createNumberFilter(ledger.openItems.length);
  const amountCounts = new Map<number, number>();
  for (const item of ledger.openItems) {
    addNumber(numbers, item.number);
    if (item.currency !== currency || item.openCents <= 0) {
      continue;
    }
    const owner = states.get(item.customerId);
    if (owner === undefined) {
      throw new RangeError(`Open item ${item.id} names an unknown customer ${item.customerId}`);
    }
    const list = item.kind === 'invoice' ? owner.invoices : owner.creditNotes;
    const entry: OpenItem = { item, owner, isUsed: false, slot: list.length };
    list.push(entry);
    if (item.kind === 'invoice') {
      owner.byAge.push(entry);
    }
    amountCounts.set(item.openCents, (amountCounts.get(item.openCents) ?? 0) + 1);
  }
  const active: CustomerState[] = [];
  const creditNoteHolders: CustomerState[] = [];
  for (const state of states.values()) {
    state.byAge.sort(byAge);
    if (state.invoices.length > 0) {
      active.push(state);
      if (state.creditNotes.length > 0) {
        creditNoteHolders.push(state);
      }
    }
  }
  return {
    rng: createRng(mixSeed(options.seed, STREAM.lines)),
    scratch,
    seed: options.seed,
    unit: 10 ** minorDigits(currencyCode(currency)),
    bookingDate: options.bookingDate,
    active,
    creditNoteHolders,
    learnt: [],
    amountCounts,
    numbers,
    customerNames,
    ibans,
    payerIbans,
    supplierIbans: new Map(),
  };
}

/** Oldest first: due date, then issue date, then number (code-unit order, locale-free). */
function byAge(a: OpenItem, b: OpenItem): number {
  return (
    compareText(a.item.dueDate, b.item.dueDate) ||
    compareText(a.item.issueDate, b.item.issueDate) ||
    compareText(a.item.number, b.item.number)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * FNV-1a, so a customer's draws follow its id and not its place in the ledger. With a
 * `digitsBasis`, of the digits alone from that basis (see `NumberFilter`).
 */
function hashText(text: string, digitsBasis?: number): number {
  let hash = digitsBasis ?? 0x811c_9dc5;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (digitsBasis === undefined || (code >= 0x30 && code <= 0x39)) {
      hash = Math.imul(hash ^ code, 0x0100_0193);
    }
  }
  return hash >>> 0;
}

/**
 * The ledger's numbers, as stored and as their digits alone, in a Bloom filter with one
 * hash: a Set of 200,000 numbers takes a third of a second to build here, this a few
 * milliseconds. A false hit (about 1 in 30) only makes a draw refuse a text that was
 * free, never use one that is taken. The digits are hashed from another basis, so that
 * `230875`, rewritten from `F230875`, is not taken for the digits of a number.
 */
type NumberFilter = { bits: Uint8Array; mask: number };

const DIGITS_BASIS = 0x5bd1_e995;

function createNumberFilter(count: number): NumberFilter {
  let size = 1 << 16;
  while (size < count * 64) {
    size *= 2;
  }
  return { bits: new Uint8Array(size >>> 3), mask: size - 1 };
}

function addNumber(filter: NumberFilter, number: string): void {
  addHash(filter, hashText(number));
  addHash(filter, hashText(number, DIGITS_BASIS));
}

function addHash(filter: NumberFilter, hash: number): void {
  const at = hash & filter.mask;
  filter.bits[at >>> 3] = (filter.bits[at >>> 3] ?? 0) | (1 << (at & 7));
}

function hasHash(filter: NumberFilter, hash: number): boolean {
  const at = hash & filter.mask;
  return ((filter.bits[at >>> 3] ?? 0) & (1 << (at & 7))) !== 0;
}

/** Whether `text` may be a number of the ledger as stored. */
function mayBeNumber(context: Context, text: string): boolean {
  return hasHash(context.numbers, hashText(text));
}

/** Whether `text` may be the digits of a number of the ledger (`230875` for `F-230875`). */
function mayBeDigitsOfNumber(context: Context, text: string): boolean {
  return hasHash(context.numbers, hashText(text, DIGITS_BASIS));
}

function drawLine(context: Context, scenario: NoisyScenario): Draft | undefined {
  if (scenario === 'unknown_payer') {
    return drawUnknownPayer(context);
  }
  if (scenario === 'outgoing') {
    return drawOutgoing(context);
  }
  const receipt = drawReceipt(context, scenario) ?? drawReceipt(context, 'exact_reference');
  return receipt === undefined ? undefined : settle(context, receipt);
}

function drawReceipt(context: Context, scenario: ReceivableScenario): Receipt | undefined {
  switch (scenario) {
    case 'exact_reference':
      return drawExactReference(context);
    case 'reformatted_reference':
      return drawReformattedReference(context);
    case 'typo_reference':
      return drawTypoReference(context);
    case 'several_invoices':
      return drawSeveralInvoices(context);
    case 'known_iban_exact_amount':
      return drawKnownIbanExactAmount(context);
    case 'known_iban_sum':
      return drawKnownIbanSum(context);
    case 'partial_payment':
      return drawPartialPayment(context);
    case 'overpayment':
      return drawOverpayment(context);
    case 'credit_note_deducted':
      return drawCreditNoteDeducted(context);
    case 'parent_company':
      return drawParentCompany(context);
    case 'name_only_exact_amount':
      return drawNameOnly(context);
  }
}

/** Marks the receipt's items used, notes a taught IBAN, and turns it into a draft. */
function settle(context: Context, receipt: Receipt): Draft {
  for (const entry of receipt.items) {
    take(context, entry);
  }
  const { state } = receipt;
  if (
    TEACHING_SCENARIOS.has(receipt.scenario) &&
    receipt.payer.iban === state.iban &&
    !state.isLearnt
  ) {
    state.isLearnt = true;
    context.learnt.push(state);
  }
  return {
    amountCents: receipt.amountCents,
    name: receipt.payer.name,
    iban: receipt.payer.iban,
    text: receipt.text,
    structured: receipt.structured,
    truth: {
      kind: 'receivable',
      scenario: receipt.scenario,
      customerId: state.customer.id,
      allocations: receipt.allocations,
      unappliedCents: receipt.unappliedCents,
      writtenReferences: receipt.written,
    },
  };
}

function take(context: Context, entry: OpenItem): void {
  entry.isUsed = true;
  const list = entry.item.kind === 'invoice' ? entry.owner.invoices : entry.owner.creditNotes;
  const last = list.pop();
  if (last !== undefined && last !== entry) {
    list[entry.slot] = last;
    last.slot = entry.slot;
  }
  const amount = entry.item.openCents;
  context.amountCounts.set(amount, (context.amountCounts.get(amount) ?? 1) - 1);
}

/**
 * A random customer of `list` that `isLive` accepts; those it refuses are dropped from
 * the list for good (a customer never gets items back), so each pick is O(1) amortised.
 */
function pickLive(
  list: CustomerState[],
  isLive: (state: CustomerState) => boolean,
  rng: Rng,
): CustomerState | undefined {
  while (list.length > 0) {
    const at = rng.int(list.length);
    const state = list[at];
    if (state !== undefined && isLive(state)) {
      return state;
    }
    const last = list.pop();
    if (last !== undefined && at < list.length) {
      list[at] = last;
    }
  }
  return undefined;
}

/** Tries up to `MAX_ATTEMPTS` live customers of `list` until `draw` makes a receipt of one. */
function tryCustomers(
  context: Context,
  list: CustomerState[],
  isLive: (state: CustomerState) => boolean,
  draw: (state: CustomerState) => Receipt | undefined,
): Receipt | undefined {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const state = pickLive(list, isLive, context.rng);
    if (state === undefined) {
      return undefined;
    }
    const receipt = draw(state);
    if (receipt !== undefined) {
      return receipt;
    }
  }
  return undefined;
}

const hasInvoices = (state: CustomerState): boolean => state.invoices.length > 0;

/** A receipt that settles `items` in full (credit notes deducted), with no excess. */
function fullReceipt(
  scenario: ReceivableScenario,
  state: CustomerState,
  items: readonly OpenItem[],
  writing: {
    text: string;
    written: readonly string[];
    payer: Receipt['payer'];
    structured?: string;
  },
): Receipt {
  const allocations = items.map((entry) => ({
    invoiceId: entry.item.id,
    amountCents:
      entry.item.kind === 'invoice' ? entry.item.openCents : negateCents(entry.item.openCents),
  }));
  return {
    scenario,
    state,
    items,
    amountCents: sumCents(allocations.map((allocation) => allocation.amountCents)),
    allocations,
    unappliedCents: cents(0),
    text: writing.text,
    written: writing.written,
    payer: writing.payer,
    structured: writing.structured === undefined ? [] : [writing.structured],
  };
}

function drawExactReference(context: Context): Receipt | undefined {
  const state = pickLive(context.active, hasInvoices, context.rng);
  if (state === undefined) {
    return undefined;
  }
  const invoice = context.rng.pick(state.invoices);
  const { number } = invoice.item;
  const structured = context.rng.chance(STRUCTURED_REFERENCE_CHANCE)
    ? creditorReference(number)
    : undefined;
  return fullReceipt('exact_reference', state, [invoice], {
    text: referenceText(context, state, invoice, number),
    written: [number],
    payer: customerPayer(context, state, maybeIban(context, state)),
    ...(structured === undefined ? {} : { structured }),
  });
}

function drawReformattedReference(context: Context): Receipt | undefined {
  return tryCustomers(context, context.active, hasInvoices, (state) => {
    const invoice = context.rng.pick(state.invoices);
    const written = reformatNumber(context, invoice.item.number);
    if (written === undefined) {
      return undefined;
    }
    return fullReceipt('reformatted_reference', state, [invoice], {
      text: referenceText(context, state, invoice, written),
      written: [written],
      payer: customerPayer(context, state, maybeIban(context, state)),
    });
  });
}

function drawTypoReference(context: Context): Receipt | undefined {
  return tryCustomers(context, context.active, hasInvoices, (state) => {
    const invoice = context.rng.pick(state.invoices);
    const written = mistypeNumber(context, invoice.item.number);
    if (written === undefined) {
      return undefined;
    }
    return fullReceipt('typo_reference', state, [invoice], {
      text: referenceText(context, state, invoice, written),
      written: [written],
      payer: customerPayer(context, state, state.iban),
    });
  });
}

function drawSeveralInvoices(context: Context): Receipt | undefined {
  const { rng } = context;
  return tryCustomers(context, context.active, hasInvoices, (state) => {
    if (state.invoices.length < 2) {
      return undefined;
    }
    const invoices = sample(
      state.invoices,
      Math.min(rng.between(2, 4), state.invoices.length),
      rng,
    );
    invoices.sort(byAge);
    const numbers = invoices.map((entry) => entry.item.number);
    const last = numbers.at(-1) ?? '';
    const text = chooseText(rng, [
      `FACT ${numbers.join(' ')}`,
      numbers.join('/'),
      `FACTURES ${numbers.slice(0, -1).join(', ')} ET ${last}`,
      `REGLEMENT ${numbers.join(' ')}`,
      `REGLT FACT ${numbers.join(' + ')}`,
      `VIR ${bankName(context, state)} FACTURES ${numbers.join(' ')}`,
    ]);
    return fullReceipt('several_invoices', state, invoices, {
      text,
      written: numbers,
      payer: customerPayer(context, state, maybeIban(context, state)),
    });
  });
}

/** Moves `oldest` past the used invoices at the head of `byAge` (amortised O(1)). */
function skipUsedOldest(state: CustomerState): void {
  while (state.byAge[state.oldest]?.isUsed === true) {
    state.oldest++;
  }
}

/** The customer's oldest unused invoices, up to `count`. */
function oldestUnused(state: CustomerState, count: number): OpenItem[] {
  skipUsedOldest(state);
  const found: OpenItem[] = [];
  for (let index = state.oldest; index < state.byAge.length && found.length < count; index++) {
    const entry = state.byAge[index];
    if (entry !== undefined && !entry.isUsed) {
      found.push(entry);
    }
  }
  return found;
}

function drawKnownIbanExactAmount(context: Context): Receipt | undefined {
  return tryCustomers(context, context.learnt, hasInvoices, (state) => {
    const [oldest] = oldestUnused(state, 1);
    if (
      oldest === undefined ||
      state.invoices.some(
        (other) => other !== oldest && other.item.openCents === oldest.item.openCents,
      )
    ) {
      return undefined;
    }
    return fullReceipt('known_iban_exact_amount', state, [oldest], {
      text: unreferencedText(context, state, oldest),
      written: [],
      payer: customerPayer(context, state, state.iban),
    });
  });
}

function drawKnownIbanSum(context: Context): Receipt | undefined {
  return tryCustomers(context, context.learnt, hasInvoices, (state) => {
    const unused = state.invoices.length;
    if (unused < 2 || unused > MAX_SUM_CHECK_INVOICES) {
      return undefined;
    }
    const oldest = oldestUnused(state, Math.min(context.rng.between(2, 3), unused));
    const total = sumCents(oldest.map((entry) => entry.item.openCents));
    const amounts = state.invoices.map((entry) => entry.item.openCents);
    if (countSmallSubsetsSumming(amounts, total) !== 1) {
      return undefined;
    }
    return fullReceipt('known_iban_sum', state, oldest, {
      text: unreferencedText(context, state, oldest[0]),
      written: [],
      payer: customerPayer(context, state, state.iban),
    });
  });
}

/**
 * How many sets of 1 to 3 of `amounts` (by position) add up to `target`, stopping past 1:
 * an amount that 2 sets give does not say which invoices it pays. O(n²) with a hash of
 * the amounts before the middle one.
 */
function countSmallSubsetsSumming(amounts: readonly number[], target: number): number {
  let count = 0;
  const before = new Map<number, number>();
  for (let middle = 0; middle < amounts.length && count <= 1; middle++) {
    const amount = amounts[middle] ?? 0;
    if (amount === target) {
      count++;
    }
    count += before.get(target - amount) ?? 0;
    for (let after = middle + 1; after < amounts.length; after++) {
      count += before.get(target - amount - (amounts[after] ?? 0)) ?? 0;
    }
    before.set(amount, (before.get(amount) ?? 0) + 1);
  }
  return count;
}

function drawPartialPayment(context: Context): Receipt | undefined {
  const { rng, unit } = context;
  return tryCustomers(context, context.active, hasInvoices, (state) => {
    const invoice = rng.pick(state.invoices);
    const open = invoice.item.openCents;
    // Whole units strictly between 0 and the open amount: none for 1,00 € or less.
    const highest = Math.floor((open - 1) / unit) * unit;
    if (highest < unit) {
      return undefined;
    }
    const share = rng.between(20, 90);
    const amount = Math.min(
      highest,
      Math.max(unit, Math.round((open * share) / 100 / unit) * unit),
    );
    const { number } = invoice.item;
    const receipt = fullReceipt('partial_payment', state, [invoice], {
      text: chooseText(rng, [
        `ACOMPTE FACT ${number}`,
        `PAIEMENT PARTIEL ${number}`,
        `1ER VERSEMENT FACTURE ${number}`,
        `FACTURE ${number}`,
        `REGLEMENT FACT ${number}`,
      ]),
      written: [number],
      payer: customerPayer(context, state, maybeIban(context, state)),
    });
    const paid = cents(amount);
    return {
      ...receipt,
      amountCents: paid,
      allocations: [{ invoiceId: invoice.item.id, amountCents: paid }],
    };
  });
}

function drawOverpayment(context: Context): Receipt | undefined {
  const state = pickLive(context.active, hasInvoices, context.rng);
  if (state === undefined) {
    return undefined;
  }
  const invoice = context.rng.pick(state.invoices);
  const { number } = invoice.item;
  const excess = cents(context.rng.between(1, 50) * context.unit);
  const receipt = fullReceipt('overpayment', state, [invoice], {
    text: referenceText(context, state, invoice, number),
    written: [number],
    payer: customerPayer(context, state, maybeIban(context, state)),
  });
  return {
    ...receipt,
    amountCents: cents(invoice.item.openCents + excess),
    unappliedCents: excess,
  };
}

function drawCreditNoteDeducted(context: Context): Receipt | undefined {
  const { rng } = context;
  const isLive = (state: CustomerState): boolean =>
    state.creditNotes.length > 0 && state.invoices.length > 0;
  return tryCustomers(context, context.creditNoteHolders, isLive, (state) => {
    const creditNote = rng.pick(state.creditNotes);
    const invoices = sample(
      state.invoices,
      Math.min(rng.between(1, 2), state.invoices.length),
      rng,
    );
    invoices.sort(byAge);
    const invoiced = sumCents(invoices.map((entry) => entry.item.openCents));
    if (invoiced <= creditNote.item.openCents) {
      return undefined;
    }
    const numbers = invoices.map((entry) => entry.item.number);
    const note = creditNote.item.number;
    const text = chooseText(rng, [
      `${numbers.join(' ')} AVOIR ${note}`,
      `FACT ${numbers.join(' ')} MOINS AVOIR ${note}`,
      `REGLEMENT ${numbers.join(', ')} DEDUCTION AV ${note}`,
      `${numbers.join('/')} - ${note}`,
    ]);
    return fullReceipt('credit_note_deducted', state, [...invoices, creditNote], {
      text,
      written: [...numbers, note],
      payer: customerPayer(context, state, maybeIban(context, state)),
    });
  });
}

function drawParentCompany(context: Context): Receipt | undefined {
  const state = pickLive(context.active, hasInvoices, context.rng);
  if (state === undefined) {
    return undefined;
  }
  const invoice = context.rng.pick(state.invoices);
  const { number } = invoice.item;
  const subsidiary = bankName(context, state);
  const parent = parentOf(context, state);
  return fullReceipt('parent_company', state, [invoice], {
    text: chooseText(context.rng, [
      `FACTURE ${number}`,
      `REGLEMENT ${number} POUR ${subsidiary}`,
      `PAIEMENT POUR COMPTE DE ${subsidiary} FACT ${number}`,
      `${number} FILIALE ${subsidiary}`,
    ]),
    written: [number],
    payer: parent,
  });
}

function drawNameOnly(context: Context): Receipt | undefined {
  return tryCustomers(context, context.active, hasInvoices, (state) => {
    skipUsedOldest(state);
    let invoice: OpenItem | undefined;
    for (let index = state.oldest; index < state.byAge.length && invoice === undefined; index++) {
      const entry = state.byAge[index];
      if (
        entry !== undefined &&
        !entry.isUsed &&
        context.amountCounts.get(entry.item.openCents) === 1
      ) {
        invoice = entry;
      }
    }
    if (invoice === undefined) {
      return undefined;
    }
    return fullReceipt('name_only_exact_amount', state, [invoice], {
      text: unreferencedText(context, state, invoice),
      written: [],
      payer: customerPayer(context, state, null),
    });
  });
}

function drawUnknownPayer(context: Context): Draft {
  const { rng } = context;
  const name = unknownName(context);
  const order = foreignNumber(context, '4500', 6);
  const file = foreignNumber(context, '', 7);
  return {
    amountCents: cents(rng.pick(ROUND_AMOUNTS) * context.unit),
    name,
    iban: drawUniqueIban(context.ibans, rng),
    text: chooseText(rng, [
      `VIREMENT DE ${name}`,
      'REMBOURSEMENT TROP PERCU',
      'CAUTION LOCATION MATERIEL',
      `ACOMPTE COMMANDE ${order}`,
      `REGLEMENT DOSSIER ${file}`,
      `VIR INST ${name}`,
      'PARTICIPATION FRAIS',
    ]),
    structured: [],
    truth: { kind: 'unknown_payer', scenario: 'unknown_payer' },
  };
}

function drawOutgoing(context: Context): Draft {
  const { rng, unit } = context;
  const { month, year } = toParts(context.bookingDate);
  const period = month === 1 ? `12/${year - 1}` : `${String(month - 1).padStart(2, '0')}/${year}`;
  let supplier: Supplier;
  if (rng.chance(0.6)) {
    supplier = rng.pick(SUPPLIERS);
  } else {
    const name = sepaText(`${rng.pick(LAST_NAMES)} ${rng.pick(ACTIVITIES)}`);
    supplier = {
      name,
      text: (draw) => `VIR FOURNISSEUR ${name} FACT ${digits(draw, 6)}`,
      minUnits: 100,
      maxUnits: 15_000,
    };
  }
  const amount = rng.between(supplier.minUnits * unit, supplier.maxUnits * unit);
  return {
    amountCents: negateCents(cents(amount)),
    name: supplier.name,
    iban: supplierIban(context, supplier.name),
    text: clip(supplier.text(rng, period)),
    structured: [],
    truth: { kind: 'outgoing', scenario: 'outgoing' },
  };
}

function bankLine(context: Context, draft: Draft, index: number, currency: string): BankLine {
  const isOutgoing = draft.amountCents < 0;
  const bankReferences: Record<string, string> = {
    accountServicerReference: `NB${context.seed}-${String(index + 1).padStart(7, '0')}`,
  };
  const endToEndId = endToEndIdOf(context, isOutgoing, index);
  if (endToEndId !== undefined) {
    bankReferences['endToEndId'] = endToEndId;
  }
  return {
    position: String(index + 1),
    bookingDate: context.bookingDate,
    valueDate: context.bookingDate,
    amountCents: draft.amountCents,
    currency,
    counterpartyName: draft.name,
    counterpartyIban: draft.iban,
    remittanceText: draft.text,
    structuredReferences: draft.structured,
    bankReferences,
    transactionCode: isOutgoing ? 'PMNT/ICDT/ESCT' : 'PMNT/RCDT/ESCT',
    isReversal: false,
    returnReason: null,
  };
}

/** Payers' ERPs fill the end-to-end id, or say NOTPROVIDED, or leave it out; ours always does. */
function endToEndIdOf(context: Context, isOutgoing: boolean, index: number): string | undefined {
  const day = context.bookingDate.replaceAll('-', '').slice(2);
  if (isOutgoing) {
    return `ENC${day}${String(index + 1).padStart(6, '0')}`;
  }
  const kind = context.rng.weighted<'none' | 'not_provided' | 'payer'>([
    ['none', 45],
    ['not_provided', 30],
    ['payer', 25],
  ]);
  return kind === 'none'
    ? undefined
    : kind === 'not_provided'
      ? 'NOTPROVIDED'
      : `VIR${day}${digits(context.rng, 8)}`;
}

// ---- Texts -------------------------------------------------------------------------

/** One of the texts that fit SEPA's 140 characters; the shortest, cut, if none does. */
function chooseText(rng: Rng, candidates: readonly string[]): string {
  const fitting = candidates.filter((text) => text.length <= MAX_TEXT_LENGTH);
  if (fitting.length > 0) {
    return rng.pick(fitting);
  }
  const shortest = candidates.reduce((best, text) => (text.length < best.length ? text : best));
  return clip(shortest);
}

function clip(text: string): string {
  return text.slice(0, MAX_TEXT_LENGTH).trimEnd();
}

/** A payer's text naming one invoice as `written` (stored, rewritten or mistyped). */
function referenceText(
  context: Context,
  state: CustomerState,
  invoice: OpenItem,
  written: string,
): string {
  return chooseText(context.rng, [
    `FACTURE ${written}`,
    `REGLEMENT FACT ${written}`,
    written,
    `FACT ${written} DU ${formatDate(invoice.item.issueDate)}`,
    `VIR ${bankName(context, state)} ${written}`,
    `PAIEMENT FACTURE N ${written}`,
    `REF CLIENT ${state.customer.code} FACT ${written}`,
    `REGLT ${written}`,
  ]);
}

/** A payer's text that names no invoice (the amount has to say what it pays). */
function unreferencedText(
  context: Context,
  state: CustomerState,
  invoice: OpenItem | undefined,
): string {
  const name = bankName(context, state);
  const month = MONTHS[toParts(invoice?.item.issueDate ?? context.bookingDate).month - 1] ?? '';
  return chooseText(context.rng, [
    `VIREMENT ${name}`,
    'PAIEMENT FOURNISSEUR',
    `REGLEMENT ${name}`,
    `VIR SEPA ${name}`,
    `REGLEMENT FACTURES ${month}`,
    'PAIEMENT ECHEANCE',
  ]);
}

/**
 * The number as a payer rewrites it: the prefix dropped, separators added, changed or
 * removed, a leading zero added, lower case; one or two of these, never the number
 * itself nor another number of the ledger. `undefined` when nothing applies.
 */
function reformatNumber(context: Context, number: string): string | undefined {
  const { rng } = context;
  const rewrites: ((text: string) => string | undefined)[] = [
    (text) => {
      const rest = text.replace(/^[A-Za-z]+[^A-Za-z\d]*(?=\d)/, '');
      return rest === text ? undefined : rest;
    },
    (text) => (/[^A-Za-z\d]/.test(text) ? text.replace(/[^A-Za-z\d]+/g, '') : undefined),
    (text) =>
      /[A-Za-z]\d/.test(text)
        ? text.replace(/([A-Za-z])(\d)/, `$1${rng.pick(['-', ' ', '/'])}$2`)
        : undefined,
    (text) =>
      /[^A-Za-z\d]/.test(text)
        ? text.replace(/[^A-Za-z\d]+/g, rng.pick([' ', '/', '.', '-']))
        : undefined,
    (text) => {
      const runs = [...text.matchAll(/\d+/g)];
      const last = runs.at(-1);
      return last === undefined
        ? undefined
        : `${text.slice(0, last.index)}0${text.slice(last.index)}`;
    },
    (text) => (/[A-Z]/.test(text) ? text.toLowerCase() : undefined),
    (text) => {
      const run = /\d{6,}/.exec(text);
      if (run === null) {
        return undefined;
      }
      const cut = run.index + Math.floor(run[0].length / 2);
      return `${text.slice(0, cut)} ${text.slice(cut)}`;
    },
  ];
  for (let attempt = 0; attempt < 4; attempt++) {
    let text = number;
    const steps = rng.chance(0.3) ? 2 : 1;
    for (let step = 0; step < steps; step++) {
      const current = text;
      const results = rewrites.flatMap((rewrite) => rewrite(current) ?? []);
      const changed = results.filter((result) => result !== current);
      if (changed.length > 0) {
        text = rng.pick(changed);
      }
    }
    if (text !== number && /\d/.test(text) && !mayBeNumber(context, text)) {
      return text;
    }
  }
  return undefined;
}

/**
 * One slip of the keyboard on the number's digits: one substituted, two adjacent ones
 * swapped, or one dropped (never a zero that pads a group, which a reader would not see
 * as a slip). Only for numbers of 5 digits or more, whose slip is not another of the
 * ledger's numbers; `undefined` otherwise.
 */
function mistypeNumber(context: Context, number: string): string | undefined {
  const { rng } = context;
  const positions = [...number.matchAll(/\d/g)].map((match) => match.index);
  if (positions.length < 5) {
    return undefined;
  }
  const isDigit = (at: number): boolean => /\d/.test(number.charAt(at));
  for (let attempt = 0; attempt < 4; attempt++) {
    const kind = rng.pick(['substitute', 'swap', 'drop'] as const);
    let text: string | undefined;
    if (kind === 'swap') {
      const swappable = positions.filter(
        (at) => isDigit(at + 1) && number.charAt(at) !== number.charAt(at + 1),
      );
      const at = swappable.length > 0 ? rng.pick(swappable) : undefined;
      text =
        at === undefined
          ? undefined
          : number.slice(0, at) + number.charAt(at + 1) + number.charAt(at) + number.slice(at + 2);
    } else if (kind === 'drop') {
      const droppable = positions.filter(
        (at) => number.charAt(at) !== '0' || /[1-9]/.test(leadOf(number, at)),
      );
      const at = droppable.length > 0 ? rng.pick(droppable) : undefined;
      text = at === undefined ? undefined : `${number.slice(0, at)}${number.slice(at + 1)}`;
    } else {
      const at = rng.pick(positions);
      const digit = (Number(number.charAt(at)) + rng.between(1, 9)) % 10;
      text = `${number.slice(0, at)}${digit}${number.slice(at + 1)}`;
    }
    if (text !== undefined && !mayBeNumber(context, text)) {
      return text;
    }
  }
  return undefined;
}

/** The digits before position `at` in its run of digits: `00` for the third 0 of `FA-000123`. */
function leadOf(text: string, at: number): string {
  let start = at;
  while (start > 0 && /\d/.test(text.charAt(start - 1))) {
    start--;
  }
  return text.slice(start, at);
}

/**
 * The ISO 11649 creditor reference of the number's digits: `RF`, two check digits, the
 * digits. The check digits make `digits‖RF00` (R = 27, F = 15) ≡ 1 mod 97 once set:
 * 98 − (digits‖271500 mod 97). `undefined` when there are no digits or more than 21.
 */
function creditorReference(number: string): string | undefined {
  const reference = number.replace(/\D/g, '');
  if (reference.length === 0 || reference.length > 21) {
    return undefined;
  }
  let remainder = 0;
  for (const digit of `${reference}271500`) {
    remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `RF${String(98 - remainder).padStart(2, '0')}${reference}`;
}

/** A number in a shape no ledger number has, digits included (an order or file number). */
function foreignNumber(context: Context, prefix: string, length: number): string {
  let text: string;
  do {
    text = `${prefix}${digits(context.rng, length)}`;
  } while (mayBeNumber(context, text) || mayBeDigitsOfNumber(context, text));
  return text;
}

function digits(rng: Rng, length: number): string {
  let text = String(rng.between(1, 9));
  while (text.length < length) {
    text += String(rng.int(10));
  }
  return text;
}

// ---- Payers ------------------------------------------------------------------------

/**
 * A text in the characters SEPA passes on (the EPC's basic Latin set): capitals without
 * accents, `&` spelt `ET`, anything else a space.
 */
function sepaText(text: string): string {
  const upper = text.toUpperCase();
  // NFD is costly and most names are plain ASCII.
  const plain = /[^\x20-\x7e]/.test(upper)
    ? upper
        .replaceAll('Œ', 'OE')
        .replaceAll('Æ', 'AE')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
    : upper;
  return plain
    .replaceAll('&', ' ET ')
    .replace(/[^A-Z0-9/?:().,'+ -]/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** A name without its legal form, to tell whether two names are the same company. */
function coreName(name: string): string {
  return sepaText(name)
    .split(' ')
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');
}

/**
 * How the customer's bank writes its name, the same on every line (it is the account
 * holder's name): from the legal name, in SEPA characters, the legal form kept, dropped
 * or moved to the other end, and half the time cut at 35 characters when longer.
 */
function bankName(context: Context, state: CustomerState): string {
  if (state.bankName !== undefined) {
    return state.bankName;
  }
  const rng = context.scratch;
  rng.reseed(mixSeed(context.seed, STREAM.name, state.key));
  const words = sepaText(state.customer.legalName).split(' ');
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const formAt = LEGAL_FORMS.has(last) ? 'end' : LEGAL_FORMS.has(first) ? 'start' : undefined;
  const style = rng.weighted<'keep' | 'drop' | 'move'>([
    ['keep', 50],
    ['drop', 35],
    ['move', 15],
  ]);
  if (formAt !== undefined && words.length > 1 && style !== 'keep') {
    const form = formAt === 'end' ? last : first;
    const rest = formAt === 'end' ? words.slice(0, -1) : words.slice(1);
    words.splice(0, words.length, ...rest);
    if (style === 'move') {
      if (formAt === 'end') {
        words.unshift(form);
      } else {
        words.push(form);
      }
    }
  }
  let name = words.join(' ');
  if (name.length > SHORT_NAME_LENGTH && rng.chance(0.5)) {
    name = name.slice(0, SHORT_NAME_LENGTH).trimEnd();
  }
  state.bankName = name;
  return name;
}

/** The bank's name for the customer, now and then with one letter wrong or missing. */
function payerName(context: Context, state: CustomerState): string {
  const name = bankName(context, state);
  const { rng } = context;
  if (!rng.chance(NAME_TYPO_CHANCE)) {
    return name;
  }
  const letters = [...name.matchAll(/[A-Z]/g)].map((match) => match.index);
  if (letters.length < 2) {
    return name;
  }
  const at = rng.pick(letters);
  if (rng.chance(0.5)) {
    return `${name.slice(0, at)}${name.slice(at + 1)}`;
  }
  const letter = String.fromCharCode(65 + ((name.charCodeAt(at) - 65 + rng.between(1, 25)) % 26));
  return `${name.slice(0, at)}${letter}${name.slice(at + 1)}`;
}

/** The customer paying from its own account: its bank's name for it and `iban` (or none given). */
function customerPayer(
  context: Context,
  state: CustomerState,
  iban: string | null,
): Receipt['payer'] {
  return { name: payerName(context, state), iban };
}

function maybeIban(context: Context, state: CustomerState): string | null {
  return context.rng.chance(IBAN_GIVEN_CHANCE) ? state.iban : null;
}

/** A French IBAN that no one else of the set has (customers, parents, suppliers, strangers). */
function drawUniqueIban(ibans: Set<string>, rng: Rng): string {
  let iban: string;
  do {
    const branch = String(rng.int(100_000)).padStart(5, '0');
    const account =
      String(rng.int(1_000_000)).padStart(6, '0') + String(rng.int(100_000)).padStart(5, '0');
    iban = ibanFromRib(rng.pick(BANK_CODES), branch, account);
  } while (ibans.has(iban));
  ibans.add(iban);
  return iban;
}

/**
 * The group that pays for the customer, the same one every time: `GROUPE` and a surname
 * that is not in the customer's name, no customer's name, with an IBAN of its own.
 */
function parentOf(context: Context, state: CustomerState): Payer {
  if (state.parent !== undefined) {
    return state.parent;
  }
  const rng = context.scratch;
  rng.reseed(mixSeed(context.seed, STREAM.parent, state.key));
  const own = new Set(sepaText(state.customer.legalName).split(' '));
  let name = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const surname = sepaText(rng.pick(LAST_NAMES));
    name = rng.chance(0.7)
      ? `GROUPE ${surname}`
      : `GROUPE ${surname} ${sepaText(rng.pick(ACTIVITIES))}`;
    if (!own.has(surname) && !context.customerNames.has(coreName(name))) {
      break;
    }
  }
  state.parent = { name, iban: drawUniqueIban(context.ibans, rng) };
  return state.parent;
}

/** A private person, a property company or a sole trader who is no customer. */
function unknownName(context: Context): string {
  const { rng } = context;
  let name = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const isFemale = rng.chance(0.5);
    const first = rng.pick(isFemale ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    name = sepaText(
      rng.weighted<string>([
        [`${isFemale ? 'MME' : 'M'} ${last} ${first}`, 40],
        [`${last} ${first}`, 30],
        [`SCI ${rng.pick(SCI_NAMES)}`, 15],
        [`EI ${first} ${last}`, 15],
      ]),
    );
    if (!context.customerNames.has(coreName(name))) {
      break;
    }
  }
  return name;
}

function supplierIban(context: Context, name: string): string {
  const known = context.supplierIbans.get(name);
  if (known !== undefined) {
    return known;
  }
  context.scratch.reseed(mixSeed(context.seed, STREAM.supplier, hashText(name)));
  const iban = drawUniqueIban(context.ibans, context.scratch);
  context.supplierIbans.set(name, iban);
  return iban;
}

/** `count` distinct elements of `list`, drawn at random (`count` ≤ its length). */
function sample<T>(list: readonly T[], count: number, rng: Rng): T[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    chosen.add(rng.int(list.length));
  }
  return [...chosen].flatMap((at) => {
    const element = list[at];
    return element === undefined ? [] : [element];
  });
}
