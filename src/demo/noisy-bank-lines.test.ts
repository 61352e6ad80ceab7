import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDate, compareDates } from '../shared/calendar-date.ts';
import { isValidIban } from '../shared/identifiers.ts';
import { cents } from '../shared/money.ts';
import { ACTIVITIES, LAST_NAMES, LEGAL_FORMS, TRADES } from './french-names.ts';
import {
  DEFAULT_NOISY_MIX,
  generateNoisyBankLines,
  type LedgerCustomer,
  type LedgerOpenItem,
  type NoisyBankLineOptions,
  type NoisyBankLines,
  type NoisyLedger,
  type NoisyLineTruth,
  type NoisyScenario,
} from './noisy-bank-lines.ts';
import { createRng, mixSeed } from './random.ts';

const DAY = calendarDate('2026-03-02');
const SCENARIOS = Object.keys(DEFAULT_NOISY_MIX) as NoisyScenario[];
type Receivable = Extract<NoisyLineTruth, { kind: 'receivable' }>;

/** Monthly fees many customers are billed alike, so amounts repeat within and across customers. */
const SUBSCRIPTION_PRICES = [12_000, 24_000, 60_000, 120_000, 150_000];

/**
 * A ledger of `customerCount` customers with `perCustomer` items each: about 8% credit
 * notes, 30% of the invoices at a subscription price (so that amounts repeat, which the
 * amount-only scenarios must see). A third of the customers are numbered
 * `FA-2025-000123`, the others `F230875`, so that rewriting has separators and prefixes
 * to work on. A few items are in USD or settled (open 0): the generator must leave them
 * alone.
 */
function buildLedger(customerCount: number, perCustomer: number, seed: number): NoisyLedger {
  const rng = createRng(mixSeed(seed, 7));
  const customers: LedgerCustomer[] = [];
  const openItems: LedgerOpenItem[] = [];
  let invoiceCount = 0;
  let creditNoteCount = 0;
  for (let index = 0; index < customerCount; index++) {
    const id = `customer-${index}`;
    const form = rng.weighted(LEGAL_FORMS);
    const legalName = rng.chance(0.5)
      ? `${rng.pick(TRADES)} ${rng.pick(LAST_NAMES)} ${form}`
      : `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} ${rng.pick(ACTIVITIES)} ${form}`;
    customers.push({ id, code: `C${String(index + 1).padStart(5, '0')}`, legalName });
    for (let item = 0; item < perCustomer; item++) {
      const isCreditNote = rng.chance(0.08);
      const issueDate = addDays(DAY, -rng.between(1, 200));
      const sequence = isCreditNote ? ++creditNoteCount : ++invoiceCount;
      const number = isCreditNote
        ? `AV-2025-${String(sequence).padStart(6, '0')}`
        : index % 3 === 0
          ? `FA-2025-${String(sequence).padStart(6, '0')}`
          : `F${230_000 + sequence}`;
      openItems.push({
        id: `${id}-${item}`,
        customerId: id,
        kind: isCreditNote ? 'credit_note' : 'invoice',
        number,
        issueDate,
        dueDate: addDays(issueDate, 30),
        openCents: cents(
          rng.chance(0.02)
            ? 0
            : isCreditNote
              ? rng.between(1_000, 100_000)
              : rng.chance(0.3)
                ? rng.pick(SUBSCRIPTION_PRICES)
                : rng.between(5_000, 2_000_000),
        ),
        currency: rng.chance(0.02) ? 'USD' : 'EUR',
      });
    }
  }
  return { customers, openItems };
}

/** Substitutions, deletions and adjacent swaps from `a` to `b` (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row !== undefined) {
        row[j] = best;
      }
    }
  }
  return at(a.length, b.length);
}

/** ISO 11649: the first four characters moved to the end, letters as 10–35, mod 97 = 1. */
function isValidCreditorReference(reference: string): boolean {
  const moved = `${reference.slice(4)}${reference.slice(0, 4)}`;
  const numeric = moved.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) {
    remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return /^RF\d{2}[0-9A-Z]{1,21}$/.test(reference) && remainder === 1;
}

/** Upper case, letters and digits only, without zeros: what a rewrite keeps of a number. */
function squash(reference: string): string {
  return reference.toUpperCase().replace(/[^A-Z1-9]/g, '');
}

function receivables(result: NoisyBankLines): { index: number; truth: Receivable }[] {
  return result.truths.flatMap((truth, index) =>
    truth.kind === 'receivable' ? [{ index, truth }] : [],
  );
}

/** The customer's items in the generator's "oldest" order: due date, issue date, number. */
function byAge(a: LedgerOpenItem, b: LedgerOpenItem): number {
  return (
    compareDates(a.dueDate, b.dueDate) ||
    compareDates(a.issueDate, b.issueDate) ||
    (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)
  );
}

describe('generateNoisyBankLines', () => {
  const ledger = buildLedger(300, 10, 1);
  const items = new Map(ledger.openItems.map((item) => [item.id, item]));
  const usable = ledger.openItems.filter((item) => item.currency === 'EUR' && item.openCents > 0);
  const numbers = new Set(ledger.openItems.map((item) => item.number));
  const numbersIn = (text: string): string[] =>
    [...numbers].filter((number) => text.includes(number));
  const options: NoisyBankLineOptions = { seed: 42, count: 1_200, bookingDate: DAY };
  let result: NoisyBankLines;

  beforeAll(() => {
    result = generateNoisyBankLines(ledger, options);
  });

  it('gives the same lines for the same ledger and seed, other lines for another seed', () => {
    expect(generateNoisyBankLines(ledger, options)).toEqual(result);
    const other = generateNoisyBankLines(ledger, { ...options, seed: 43 });
    expect(other.lines).not.toEqual(result.lines);
    expect(other.payerIbans).not.toEqual(result.payerIbans);
  });

  it('draws every scenario of the default mix, roughly in its proportions', () => {
    expect(result.lines).toHaveLength(1_200);
    expect(result.truths).toHaveLength(1_200);
    const counts = new Map<NoisyScenario, number>();
    for (const truth of result.truths) {
      counts.set(truth.scenario, (counts.get(truth.scenario) ?? 0) + 1);
    }
    expect(SCENARIOS.filter((scenario) => !counts.has(scenario))).toEqual([]);
    expect(counts.get('exact_reference') ?? 0).toBeGreaterThan(1_200 * 0.25);
  });

  it('writes bank lines as the bank would: positions, dates, references, codes, SEPA texts', () => {
    const problems = result.lines.flatMap((line, index) => {
      const code = line.amountCents < 0 ? 'PMNT/ICDT/ESCT' : 'PMNT/RCDT/ESCT';
      const text = line.remittanceText ?? '';
      return [
        line.position === String(index + 1) ? [] : [`position ${line.position}`],
        line.bookingDate === DAY && line.valueDate === DAY ? [] : [`${line.position}: dates`],
        line.currency === 'EUR' ? [] : [`${line.position}: currency`],
        !line.isReversal && line.returnReason === null ? [] : [`${line.position}: reversal`],
        line.transactionCode === code ? [] : [`${line.position}: ${line.transactionCode}`],
        /\S/.test(text) && text.length <= 140 ? [] : [`${line.position}: text ${text}`],
        /^[A-Z0-9/?:().,'+ -]+$/.test(line.counterpartyName ?? '')
          ? []
          : [`${line.position}: name ${line.counterpartyName}`],
        line.counterpartyIban === null || isValidIban(line.counterpartyIban)
          ? []
          : [`${line.position}: IBAN ${line.counterpartyIban}`],
      ].flat();
    });
    expect(problems).toEqual([]);
    const servicerReferences = result.lines.map(
      (line) => line.bankReferences['accountServicerReference'],
    );
    expect(new Set(servicerReferences).size).toBe(result.lines.length);
    expect(servicerReferences[0]).toBe('NB42-0000001');
  });

  it('gives each customer one IBAN of its own, the one its lines carry', () => {
    const customerIbans = new Set(result.payerIbans.values());
    expect(result.payerIbans.size).toBe(ledger.customers.length);
    expect(customerIbans.size).toBe(ledger.customers.length);
    expect([...customerIbans].filter((iban) => !isValidIban(iban))).toEqual([]);
    const problems = result.truths.flatMap((truth, index) => {
      const iban = result.lines[index]?.counterpartyIban ?? null;
      const isOwn =
        truth.kind === 'receivable' && truth.scenario !== 'parent_company'
          ? iban === null || iban === result.payerIbans.get(truth.customerId)
          : iban === null || !customerIbans.has(iban);
      return isOwn ? [] : [`${index + 1} (${truth.scenario}): ${iban}`];
    });
    expect(problems).toEqual([]);
    const given = receivables(result).filter(
      ({ index }) => result.lines[index]?.counterpartyIban !== null,
    );
    expect(given.length / receivables(result).length).toBeGreaterThan(0.8);
  });

  it('pays open items of the ledger at most once, and each truth adds up to its line', () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const { index, truth } of receivables(result)) {
      const where = `${index + 1} (${truth.scenario})`;
      const amount = result.lines[index]?.amountCents ?? 0;
      const paid = truth.allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
      if (paid + truth.unappliedCents !== amount || amount <= 0) {
        problems.push(`${where}: ${paid} + ${truth.unappliedCents} for ${amount}`);
      }
      for (const allocation of truth.allocations) {
        const item = items.get(allocation.invoiceId);
        const open = item?.openCents ?? 0;
        if (
          item?.customerId !== truth.customerId ||
          item.currency !== 'EUR' ||
          open <= 0 ||
          used.has(item.id)
        ) {
          problems.push(`${where}: ${allocation.invoiceId} is not the customer's to use`);
        }
        used.add(allocation.invoiceId);
        // The convention: a deducted credit note is an allocation of minus its open amount.
        const expected =
          item?.kind === 'credit_note'
            ? truth.scenario === 'credit_note_deducted' && allocation.amountCents === 0 - open
            : truth.scenario === 'partial_payment'
              ? allocation.amountCents > 0 &&
                allocation.amountCents < open &&
                allocation.amountCents % 100 === 0
              : allocation.amountCents === open;
        if (!expected) {
          problems.push(`${where}: ${allocation.amountCents} on ${item?.kind} open ${open}`);
        }
      }
      const excess = truth.unappliedCents;
      const isExcessRight =
        truth.scenario === 'overpayment'
          ? excess >= 100 && excess <= 5_000 && excess % 100 === 0
          : excess === 0;
      if (!isExcessRight) {
        problems.push(`${where}: unapplied ${excess}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names the invoices as the scenario says: stored, rewritten, one slip away, or not at all', () => {
    const problems = receivables(result).flatMap(({ index, truth }) => {
      const line = result.lines[index];
      const text = line?.remittanceText ?? '';
      const stored = truth.allocations.map((allocation) => items.get(allocation.invoiceId));
      const storedNumbers = stored.map((item) => item?.number ?? '');
      const [written = ''] = truth.writtenReferences;
      const where = `${index + 1} (${truth.scenario}) ${text}`;
      const missing = truth.writtenReferences.filter((reference) => !text.includes(reference));
      const isRight = ((): boolean => {
        switch (truth.scenario) {
          case 'exact_reference':
          case 'partial_payment':
          case 'overpayment':
          case 'parent_company':
            return stored.length === 1 && equal(truth.writtenReferences, storedNumbers);
          case 'several_invoices':
            return (
              stored.length >= 2 &&
              stored.length <= 4 &&
              equal(truth.writtenReferences, storedNumbers)
            );
          case 'credit_note_deducted':
            return (
              stored.length >= 2 &&
              stored.length <= 3 &&
              stored.filter((item) => item?.kind === 'credit_note').length === 1 &&
              equal(truth.writtenReferences, storedNumbers)
            );
          case 'reformatted_reference':
            return (
              written !== storedNumbers[0] &&
              !numbers.has(written) &&
              squash(storedNumbers[0] ?? '').endsWith(squash(written))
            );
          case 'typo_reference':
            return (
              editDistance(written, storedNumbers[0] ?? '') === 1 &&
              !numbers.has(written) &&
              line?.counterpartyIban === result.payerIbans.get(truth.customerId)
            );
          case 'known_iban_exact_amount':
          case 'known_iban_sum':
          case 'name_only_exact_amount':
            return truth.writtenReferences.length === 0 && numbersIn(text).length === 0;
        }
      })();
      return missing.length === 0 && isRight
        ? []
        : [`${where}: ${truth.writtenReferences.join(' ')}`];
    });
    expect(problems).toEqual([]);
  });

  it('pays the oldest invoices by IBAN only once an earlier referenced line taught that IBAN', () => {
    const used = new Set<string>();
    const taught = new Set<string>();
    const problems: string[] = [];
    let checked = 0;
    for (const { index, truth } of receivables(result)) {
      const line = result.lines[index];
      const ids = truth.allocations.map((allocation) => allocation.invoiceId);
      const iban = line?.counterpartyIban ?? null;
      if (truth.scenario === 'known_iban_exact_amount' || truth.scenario === 'known_iban_sum') {
        checked++;
        const unused = usable
          .filter(
            (item) =>
              item.customerId === truth.customerId && item.kind === 'invoice' && !used.has(item.id),
          )
          .sort(byAge);
        const count = truth.scenario === 'known_iban_sum' ? ids.length : 1;
        const amounts = unused.map((item) => item.openCents);
        const isRight =
          taught.has(`${truth.customerId} ${iban}`) &&
          iban === result.payerIbans.get(truth.customerId) &&
          equal(
            ids,
            unused.slice(0, count).map((item) => item.id),
          ) &&
          (truth.scenario === 'known_iban_sum' ? count === 2 || count === 3 : count === 1) &&
          subsetsSumming(amounts, line?.amountCents ?? 0) === 1;
        if (!isRight) {
          problems.push(`${index + 1} (${truth.scenario}) ${ids.join(' ')}`);
        }
      }
      if (truth.writtenReferences.length > 0) {
        taught.add(`${truth.customerId} ${iban}`);
      }
      for (const id of ids) {
        used.add(id);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('pays by name only an amount that no other unused open item has', () => {
    const used = new Set<string>();
    const problems: string[] = [];
    let checked = 0;
    for (const { index, truth } of receivables(result)) {
      const line = result.lines[index];
      const ids = truth.allocations.map((allocation) => allocation.invoiceId);
      if (truth.scenario === 'name_only_exact_amount') {
        checked++;
        const same = usable.filter(
          (item) => !used.has(item.id) && item.openCents === line?.amountCents,
        );
        if (
          line?.counterpartyIban !== null ||
          !equal(
            same.map((item) => item.id),
            ids,
          )
        ) {
          problems.push(`${index + 1}: ${ids.join(' ')} among ${same.length}`);
        }
      }
      for (const id of ids) {
        used.add(id);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('sends parents, strangers and suppliers from names and IBANs that are no customer’s', () => {
    const customerIbans = new Set(result.payerIbans.values());
    const problems = result.truths.flatMap((truth, index) => {
      const line = result.lines[index];
      const amount = line?.amountCents ?? 0;
      const isRight =
        truth.scenario === 'parent_company'
          ? (line?.counterpartyName ?? '').startsWith('GROUPE ') &&
            !customerIbans.has(line?.counterpartyIban ?? '')
          : truth.kind === 'unknown_payer'
            ? amount > 0 &&
              amount % 1_000 === 0 &&
              numbersIn(line?.remittanceText ?? '').length === 0
            : truth.kind === 'outgoing'
              ? amount < 0
              : true;
      return isRight ? [] : [`${index + 1} (${truth.scenario}) ${line?.counterpartyName}`];
    });
    expect(problems).toEqual([]);
  });

  it('adds a valid ISO 11649 reference to a few exact-reference lines, from the number’s digits', () => {
    const many = generateNoisyBankLines(ledger, { ...options, mix: onlyMix('exact_reference') });
    const structured = many.lines.flatMap((line, index) =>
      line.structuredReferences.map((reference) => ({ reference, truth: many.truths[index] })),
    );
    expect(structured.length).toBeGreaterThan(0);
    expect(structured.length).toBeLessThan(many.lines.length * 0.15);
    const problems = structured.flatMap(({ reference, truth }) => {
      const invoiceId = truth?.kind === 'receivable' ? truth.allocations[0]?.invoiceId : undefined;
      const digits = (items.get(invoiceId ?? '')?.number ?? '').replace(/\D/g, '');
      return isValidCreditorReference(reference) && reference.slice(4) === digits
        ? []
        : [`${reference} for ${invoiceId}`];
    });
    expect(problems).toEqual([]);
  });

  it('stops when no invoice is left, and uses only items in the currency asked for', () => {
    const small = buildLedger(4, 3, 9);
    const drained = generateNoisyBankLines(small, { ...options, count: 200 });
    expect(drained.lines.length).toBeLessThan(200);
    const allocated = drained.truths.flatMap((truth) =>
      truth.kind === 'receivable'
        ? truth.allocations.map((allocation) => allocation.invoiceId)
        : [],
    );
    const invoices = small.openItems.filter(
      (item) => item.kind === 'invoice' && item.currency === 'EUR' && item.openCents > 0,
    );
    expect(allocated).toEqual(expect.arrayContaining(invoices.map((item) => item.id)));

    const usd = generateNoisyBankLines(ledger, { ...options, count: 50, currency: 'USD' });
    expect(usd.lines.every((line) => line.currency === 'USD')).toBe(true);
    const currencies = usd.truths.flatMap((truth) =>
      truth.kind === 'receivable'
        ? truth.allocations.map((allocation) => items.get(allocation.invoiceId)?.currency)
        : [],
    );
    expect(new Set(currencies)).toEqual(new Set(['USD']));
  });

  it('draws the mix it is given, falling back to exact references', () => {
    const outgoing = generateNoisyBankLines(ledger, {
      ...options,
      count: 30,
      mix: onlyMix('outgoing'),
    });
    expect(outgoing.truths.every((truth) => truth.kind === 'outgoing')).toBe(true);
    // Nothing has taught an IBAN yet on the first line: it cannot be a known-IBAN line.
    const known = generateNoisyBankLines(ledger, {
      ...options,
      count: 1,
      mix: onlyMix('known_iban_exact_amount'),
    });
    expect(known.truths[0]?.scenario).toBe('exact_reference');
    expect(() => generateNoisyBankLines(ledger, { ...options, count: -1 })).toThrow(RangeError);
    expect(() => generateNoisyBankLines(ledger, { ...options, mix: onlyMix() })).toThrow(
      RangeError,
    );
  });
});

function onlyMix(...scenarios: NoisyScenario[]): Partial<Record<NoisyScenario, number>> {
  return Object.fromEntries(
    SCENARIOS.map((scenario) => [scenario, scenarios.includes(scenario) ? 1 : 0]),
  );
}

function equal(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** How many sets of 1 to 3 of `amounts` (by position) add up to `target`. */
function subsetsSumming(amounts: readonly number[], target: number): number {
  let count = 0;
  amounts.forEach((a, i) => {
    count += a === target ? 1 : 0;
    amounts.forEach((b, j) => {
      if (j > i) {
        count += a + b === target ? 1 : 0;
        count += amounts.filter((c, k) => k > j && a + b + c === target).length;
      }
    });
  });
  return count;
}
