/**
 * What a FEC builds in Encaisse, decided from its checked lines alone (no database): the
 * customers of its receivable accounts, their invoices, credit notes and payments, and
 * the allocations its lettering records. The apply step matches them with what is stored,
 * by customer code, invoice number and payment reference, and by each item's `source`.
 *
 * The rules (docs/import.md, "FEC"):
 * - a **receivable line** is one whose `CompteNum` starts with a receivable prefix (411);
 *   its customer is its `CompAuxNum`, or the account itself when there is none (`411DUPONT`);
 * - a receivable **debit** is an invoice, numbered by its `PieceRef` and dated by its
 *   `PieceDate`; the debits of one customer under one number are one invoice;
 * - a receivable **credit** is a credit note in a sales journal, a payment in any other
 *   (bank, cash, miscellaneous), dated by its `EcritureDate`;
 * - an **opening entry** (à-nouveaux) carries the open items of earlier years: its debits
 *   are invoices still open, its credits payments not yet applied, both dated by their piece;
 * - lines **lettered** together (one `EcritureLet` within one customer) are allocated to
 *   each other on their `DateLet`, oldest invoice first, from the oldest payment or credit
 *   note first;
 * - the FEC has no due date: every invoice's `dueDate` is `null`, and the apply step
 *   computes it from the customer's payment terms.
 */
import { compareDates, maxDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import { addCents, cents, type Cents, type CurrencyCode } from '../../shared/money.ts';
import { isValidPaymentTerms, type PaymentTerms } from '../../shared/payment-terms.ts';
import { fecSourceKey, type FecLine } from './fec-format.ts';

/** Options of `planFec`. */
export type PlanFecOptions = {
  /**
   * The company's currency, which is the books' (that of `Debit` and `Credit`): the
   * currency of every item without a foreign amount.
   */
  currency: CurrencyCode;
  /** Prefixes of the receivable accounts (`CompteNum`): `['411']` by default. */
  receivableAccounts?: readonly string[] | undefined;
  /**
   * Codes of the sales journals, whose receivable credits are credit notes; by default a
   * journal is one when its code is VE, VT, VEN or VTE, or its `JournalLib` speaks of
   * sales (« Ventes », « Journal des ventes », « Factures clients », "Sales",
   * "Customer Invoices").
   */
  salesJournals?: readonly string[] | undefined;
  /**
   * Codes of the opening journals (à-nouveaux); by default a journal is one when its
   * code is AN, RAN or ANO, or its `JournalLib` says « à nouveau », « report »,
   * « ouverture », "opening" or "deferral" (Tryton's). An entry whose `EcritureNum`
   * says so is one too, in any journal.
   */
  openingJournals?: readonly string[] | undefined;
  /** The days of the net payment terms given to the customers the import creates: 30 by default. */
  defaultTermsDays?: number | undefined;
};

/** Where an item comes from: its stable key (`fecSourceKey`) and its first line in the file. */
export type FecItemSource = { key: string; line: number };

/** A customer of a receivable account. */
export type PlannedCustomer = {
  /** `CompAuxNum`, else `CompteNum`, in capitals (ADR 12). */
  code: string;
  /** `CompAuxLib`, else `CompteLib` (the account of a customer without auxiliary account). */
  name: string;
  /** The receivable account (`CompteNum`) its first line is on. */
  account: string;
  /** For a customer the import creates; an existing one keeps its own. */
  paymentTerms: PaymentTerms;
  line: number;
};

/** An invoice: the debits of one customer under one number. */
export type PlannedInvoice = {
  number: string;
  customerCode: string;
  issueDate: CalendarDate;
  /** Always `null`: the FEC has no due date; the apply step uses the customer's terms. */
  dueDate: null;
  amountCents: Cents;
  currency: CurrencyCode;
  /** An open item of an earlier year, carried by an opening entry. */
  isOpening: boolean;
  source: FecItemSource;
};

/** A credit note: the credits of one customer under one number, in a sales journal. */
export type PlannedCreditNote = {
  number: string;
  customerCode: string;
  issueDate: CalendarDate;
  amountCents: Cents;
  currency: CurrencyCode;
  source: FecItemSource;
};

/** A payment: one credit line of a customer outside the sales journals. */
export type PlannedPayment = {
  /** The line's source key: no other field of a FEC names one payment for sure. */
  reference: string;
  customerCode: string;
  receivedOn: CalendarDate;
  amountCents: Cents;
  currency: CurrencyCode;
  /** Cash received in an earlier year and not applied then, carried by an opening entry. */
  isOpening: boolean;
  source: FecItemSource;
};

/** What an allocation draws on: a payment (by reference) or a credit note (by number). */
export type PlannedAllocationSource =
  | { kind: 'payment'; reference: string }
  | { kind: 'credit_note'; number: string };

/** Part of a payment or credit note applied to an invoice, as a lettering says. */
export type PlannedAllocation = {
  customerCode: string;
  invoiceNumber: string;
  from: PlannedAllocationSource;
  amountCents: Cents;
  currency: CurrencyCode;
  /** The lettering's `DateLet`, else the latest date of its lines. */
  allocatedOn: CalendarDate;
  /** The `EcritureLet` it comes from. */
  letter: string;
  /** The first line of its lettering in the file. */
  line: number;
};

/**
 * What `planFec` decided. `issues` are receivable lines it could not place (a number
 * already given to another customer or currency), which are left out of the plan;
 * `notices` say what it did that the file did not say outright (a partial lettering).
 */
export type FecPlan = {
  customers: PlannedCustomer[];
  invoices: PlannedInvoice[];
  creditNotes: PlannedCreditNote[];
  payments: PlannedPayment[];
  allocations: PlannedAllocation[];
  issues: Issue[];
  notices: Issue[];
};

const DEFAULT_RECEIVABLE_ACCOUNTS = ['411'];
const DEFAULT_TERMS_DAYS = 30;
const SALES_JOURNAL_CODES = new Set(['VE', 'VT', 'VEN', 'VTE']);
const OPENING_JOURNAL_CODES = new Set(['AN', 'RAN', 'ANO']);
/** Words of a sales journal's label, between spaces once `searchable` has folded it. */
const SALES_WORDS = [' vente ', ' ventes ', ' sales ', ' factures clients ', ' customer invoices '];
const OPENING_WORDS = [
  ' a nouveau ',
  ' a nouveaux ',
  ' anouveau ',
  ' report ',
  ' reports ',
  ' ouverture ',
  ' opening ',
  ' deferral ',
];

/** How a journal's lines on a receivable account are read. */
type JournalKind = 'sales' | 'opening' | 'other';

/** A lettered line: an invoice's debit, or a payment's or credit note's credit. */
type LetteredItem = { date: CalendarDate; line: number; amount: number };
type LetteredDebit = LetteredItem & { invoiceNumber: string };
type LetteredCredit = LetteredItem & { from: PlannedAllocationSource };

/** The lines of one customer that share one `EcritureLet`, in one currency. */
type LetteringGroup = {
  customerCode: string;
  letter: string;
  currency: CurrencyCode;
  line: number;
  dateLet: CalendarDate | null;
  latest: CalendarDate;
  debits: LetteredDebit[];
  credits: LetteredCredit[];
};

/**
 * Plans what `lines` (from `parseFec`) build; see the rules above. The same lines and
 * options always give the same plan, in the order of the file.
 */
export function planFec(lines: readonly FecLine[], options: PlanFecOptions): FecPlan {
  const prefixes = options.receivableAccounts ?? DEFAULT_RECEIVABLE_ACCOUNTS;
  const paymentTerms: PaymentTerms = {
    kind: 'net',
    days: options.defaultTermsDays ?? DEFAULT_TERMS_DAYS,
  };
  if (!isValidPaymentTerms(paymentTerms)) {
    throw new RangeError(`Payment terms must be 0 to 365 days: ${paymentTerms.days}`);
  }
  const classify = journalClassifier(options);
  const customers = new Map<string, PlannedCustomer>();
  const invoices = new Map<string, PlannedInvoice>();
  const creditNotes = new Map<string, PlannedCreditNote>();
  const payments: PlannedPayment[] = [];
  const groups = new Map<string, LetteringGroup>();
  const issues: Issue[] = [];
  const isReceivable = (account: string): boolean =>
    prefixes.some((prefix) => account.startsWith(prefix));

  for (const line of lines) {
    if (!isReceivable(line.compteNum) || (line.debitCents === 0 && line.creditCents === 0)) {
      continue;
    }
    const hasAuxiliary = line.compAuxNum !== '';
    const customerCode = normalizeCustomerCode(hasAuxiliary ? line.compAuxNum : line.compteNum);
    if (!customers.has(customerCode)) {
      customers.set(customerCode, {
        code: customerCode,
        name: hasAuxiliary ? line.compAuxLib || customerCode : line.compteLib,
        account: line.compteNum,
        paymentTerms,
        line: line.line,
      });
    }
    const kind = isOpeningEntry(line.ecritureNum) ? 'opening' : classify(line);
    // A foreign amount of zero says nothing: the line is in the books' currency.
    const isForeign = line.montantDeviseCents !== null && line.montantDeviseCents !== 0;
    const currency = isForeign && line.idevise !== null ? line.idevise : options.currency;
    const amount = isForeign
      ? cents(Math.abs(line.montantDeviseCents ?? 0))
      : line.debitCents || line.creditCents;
    const source = { key: fecSourceKey(line), line: line.line };
    const isLettered = line.ecritureLet !== '';

    if (line.debitCents > 0) {
      const invoice = addToDocument(invoices, issues, line, {
        number: pieceNumber(line),
        customerCode,
        issueDate: line.pieceDate,
        dueDate: null,
        amountCents: amount,
        currency,
        isOpening: kind === 'opening',
        source,
      });
      if (invoice !== undefined && isLettered) {
        addToGroup(groups, line, customerCode, currency, {
          date: line.pieceDate,
          line: line.line,
          amount,
          invoiceNumber: invoice.number,
        });
      }
    } else if (kind === 'sales') {
      const creditNote = addToDocument(creditNotes, issues, line, {
        number: pieceNumber(line),
        customerCode,
        issueDate: line.pieceDate,
        amountCents: amount,
        currency,
        source,
      });
      if (creditNote !== undefined && isLettered) {
        const from = { kind: 'credit_note', number: creditNote.number } as const;
        addToGroup(groups, line, customerCode, currency, {
          date: line.pieceDate,
          line: line.line,
          amount,
          from,
        });
      }
    } else {
      const receivedOn = kind === 'opening' ? line.pieceDate : line.ecritureDate;
      payments.push({
        reference: source.key,
        customerCode,
        receivedOn,
        amountCents: amount,
        currency,
        isOpening: kind === 'opening',
        source,
      });
      if (isLettered) {
        const from = { kind: 'payment', reference: source.key } as const;
        addToGroup(groups, line, customerCode, currency, {
          date: receivedOn,
          line: line.line,
          amount,
          from,
        });
      }
    }
  }

  const allocations: PlannedAllocation[] = [];
  const notices: Issue[] = [];
  for (const group of groups.values()) {
    allocateGroup(group, allocations, notices);
  }
  return {
    customers: [...customers.values()],
    invoices: [...invoices.values()],
    creditNotes: [...creditNotes.values()],
    payments,
    allocations,
    issues,
    notices,
  };
}

/**
 * The number of the invoice or credit note a line is part of: its `PieceRef`, unless
 * that is a placeholder without a letter or a digit (Odoo and Tryton write `-`), in
 * which case its `EcritureNum`, which such software numbers after the document
 * (`INV/2021/00001`). A bare entry number restarts every fiscal year, so it is prefixed
 * with its journal and year (`REV-2018-1`): next year's entry 1 is another document.
 */
function pieceNumber(line: FecLine): string {
  if (/[\p{L}\p{N}]/u.test(line.pieceRef)) {
    return line.pieceRef;
  }
  return /\p{L}/u.test(line.ecritureNum)
    ? line.ecritureNum
    : `${line.journalCode}-${line.ecritureDate.slice(0, 4)}-${line.ecritureNum}`;
}

type DocumentDraft = {
  number: string;
  customerCode: string;
  issueDate: CalendarDate;
  amountCents: Cents;
  currency: CurrencyCode;
  source: FecItemSource;
};

/**
 * Adds `draft`, made from `line`, to the invoice or credit note of its number, or keeps it
 * as a new one. The lines of one document (several due dates, a correction in another
 * journal) add up, and the document takes the earliest of their dates. A number already
 * held by another customer, or in another currency, is refused with an issue: the number
 * must name one document (`invoice_company_id_kind_number_key`).
 */
function addToDocument<T extends DocumentDraft>(
  documents: Map<string, T>,
  issues: Issue[],
  line: FecLine,
  draft: T,
): T | undefined {
  const { number } = draft;
  const known = documents.get(number);
  if (known === undefined) {
    documents.set(number, draft);
    return draft;
  }
  if (known.customerCode !== draft.customerCode) {
    const params = {
      number,
      line: line.line,
      customer: draft.customerCode,
      firstLine: known.source.line,
      firstCustomer: known.customerCode,
    };
    issues.push(fieldIssue('PieceRef', 'fec_piece_other_customer', params, line.line));
    return undefined;
  }
  if (known.currency !== draft.currency) {
    const params = {
      number,
      line: line.line,
      currency: draft.currency,
      firstLine: known.source.line,
      firstCurrency: known.currency,
    };
    issues.push(fieldIssue('PieceRef', 'fec_piece_other_currency', params, line.line));
    return undefined;
  }
  known.amountCents = addCents(known.amountCents, draft.amountCents);
  if (compareDates(draft.issueDate, known.issueDate) < 0) {
    known.issueDate = draft.issueDate;
  }
  return known;
}

function addToGroup(
  groups: Map<string, LetteringGroup>,
  line: FecLine,
  customerCode: string,
  currency: CurrencyCode,
  item: LetteredDebit | LetteredCredit,
): void {
  // Letters are per account in accounting software, so per customer here; and amounts
  // in two currencies cannot settle each other, so each currency is its own group.
  const key = `${customerCode}\u0000${line.ecritureLet}\u0000${currency}`;
  let group = groups.get(key);
  if (group === undefined) {
    group = {
      customerCode,
      letter: line.ecritureLet,
      currency,
      line: line.line,
      dateLet: null,
      latest: item.date,
      debits: [],
      credits: [],
    };
    groups.set(key, group);
  }
  if (line.dateLet !== null) {
    group.dateLet = group.dateLet === null ? line.dateLet : maxDate(group.dateLet, line.dateLet);
  }
  group.latest = maxDate(group.latest, item.date);
  if ('invoiceNumber' in item) {
    group.debits.push(item);
  } else {
    group.credits.push(item);
  }
}

function byDateThenLine(a: LetteredItem, b: LetteredItem): number {
  return compareDates(a.date, b.date) || a.line - b.line;
}

/**
 * Allocates a lettering group: its invoices oldest first, each from its payments and
 * credit notes oldest first, as much as both have left: the oldest debt is settled first,
 * as C. civ. art. 1342-10 imputes a payment that says nothing more. A group whose debits
 * and credits differ (a partial lettering: some software marks it with a lower-case
 * letter, but the sums decide here) allocates what it can, leaves the rest open, and
 * says so in a notice.
 */
function allocateGroup(
  group: LetteringGroup,
  allocations: PlannedAllocation[],
  notices: Issue[],
): void {
  const debits = [...group.debits].sort(byDateThenLine);
  const credits = [...group.credits].sort(byDateThenLine);
  const allocatedOn = group.dateLet ?? group.latest;
  // One allocation per invoice and source, even when several lines of each meet.
  const made = new Map<string, PlannedAllocation>();
  let allocated = 0;
  let debitIndex = 0;
  let creditIndex = 0;
  let debitLeft = debits[0]?.amount ?? 0;
  let creditLeft = credits[0]?.amount ?? 0;
  while (debitIndex < debits.length && creditIndex < credits.length) {
    const debit = debits[debitIndex];
    const credit = credits[creditIndex];
    if (debit === undefined || credit === undefined) {
      break;
    }
    const amount = Math.min(debitLeft, creditLeft);
    const sourceKey =
      credit.from.kind === 'payment'
        ? `p\u0000${credit.from.reference}`
        : `c\u0000${credit.from.number}`;
    const key = `${debit.invoiceNumber}\u0000${sourceKey}`;
    const existing = made.get(key);
    if (existing === undefined) {
      made.set(key, {
        customerCode: group.customerCode,
        invoiceNumber: debit.invoiceNumber,
        from: credit.from,
        amountCents: cents(amount),
        currency: group.currency,
        allocatedOn,
        letter: group.letter,
        line: group.line,
      });
    } else {
      existing.amountCents = addCents(existing.amountCents, cents(amount));
    }
    allocated += amount;
    debitLeft -= amount;
    creditLeft -= amount;
    if (debitLeft === 0) {
      debitIndex += 1;
      debitLeft = debits[debitIndex]?.amount ?? 0;
    }
    if (creditLeft === 0) {
      creditIndex += 1;
      creditLeft = credits[creditIndex]?.amount ?? 0;
    }
  }
  allocations.push(...made.values());
  const debitTotal = sumAmounts(debits);
  const creditTotal = sumAmounts(credits);
  if (debitTotal !== creditTotal) {
    const params = {
      letter: group.letter,
      customer: group.customerCode,
      debit: debitTotal,
      credit: creditTotal,
      allocated,
      currency: group.currency,
    };
    notices.push(fieldIssue('EcritureLet', 'fec_partial_lettering', params, group.line));
  }
}

function sumAmounts(items: readonly LetteredItem[]): number {
  return items.reduce((total, item) => total + item.amount, 0);
}

/**
 * How each journal's receivable lines are read, decided once per journal code and label:
 * the options' lists when given, else the codes and words above.
 */
function journalClassifier(options: PlanFecOptions): (line: FecLine) => JournalKind {
  const sales = options.salesJournals?.map((code) => code.toUpperCase());
  const opening = options.openingJournals?.map((code) => code.toUpperCase());
  // By code, with the label it was decided on: a journal keeps its label through a file.
  const known = new Map<string, { label: string; kind: JournalKind }>();
  return (line) => {
    const cached = known.get(line.journalCode);
    if (cached?.label === line.journalLib) {
      return cached.kind;
    }
    const code = line.journalCode.toUpperCase();
    const label = searchable(line.journalLib);
    const isOpening =
      opening === undefined
        ? OPENING_JOURNAL_CODES.has(code) || OPENING_WORDS.some((word) => label.includes(word))
        : opening.includes(code);
    const isSales =
      sales === undefined
        ? SALES_JOURNAL_CODES.has(code) || SALES_WORDS.some((word) => label.includes(word))
        : sales.includes(code);
    const kind = isOpening ? 'opening' : isSales ? 'sales' : 'other';
    known.set(line.journalCode, { label: line.journalLib, kind });
    return kind;
  };
}

/** Whether an `EcritureNum` names an opening entry (`AN`, `RAN-2024`, `A nouveau`). */
function isOpeningEntry(ecritureNum: string): boolean {
  // Entry numbers are mostly digits: only one with a letter can say anything.
  if (!/[a-z]/i.test(ecritureNum)) {
    return false;
  }
  const words = searchable(ecritureNum);
  return (
    OPENING_WORDS.some((word) => words.includes(word)) ||
    [...OPENING_JOURNAL_CODES].some((code) => words.startsWith(` ${code.toLowerCase()} `))
  );
}

/**
 * A label folded for word search: lower case, no accents, every run of other characters
 * one space, with a space at each end (`« À-nouveaux 2024 »` → ` a nouveaux 2024 `).
 */
function searchable(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${folded} `;
}
