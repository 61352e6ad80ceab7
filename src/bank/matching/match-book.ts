/**
 * The matcher's rule (docs/cash-application.md): what a bank line pays, with a confidence
 * and its reasons. Pure. A `MatchBook` holds the company's open items in one currency,
 * its customers and the accounts they are known to pay from, indexed once; `propose`
 * reads one line against them; `consume` takes what an applied match settled out of the
 * book, so the next line of the run cannot settle it again, and learns the payer's IBAN.
 *
 * The order of the rules is the order of the evidence: invoice numbers in the remittance
 * information name the invoices (and their customer) best; without any, the payer is
 * found by a known IBAN, else by its name, and the amount says which of its invoices it
 * pays: exactly one, or a combination. The confidence is high only when two independent
 * facts agree (a number and its amount, a payer and an amount found once); a single fact
 * (a near number, a name, an amount alone) only suggests.
 */
import type { CalendarDate } from '../../shared/calendar-date.ts';
import { normalizeIban } from '../../shared/identifiers.ts';
import type { MessageParams } from '../../shared/messages/catalogue.ts';
import { cents, minCents, type Cents } from '../../shared/money.ts';
import { findCombination, type CombinableItem } from './amount-combinations.ts';
import { PayerNameIndex } from './payer-names.ts';
import {
  documentNumberKey,
  referenceCandidates,
  withinOneEdit,
  type ReferenceCandidate,
} from './reference-keys.ts';

/** An open invoice or credit note as the matcher reads it. */
export type OpenItem = {
  id: string;
  customerId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  openCents: Cents;
};

/** What the matcher reads of an incoming bank line (amount above 0). */
export type MatchableLine = {
  amountCents: Cents;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittanceText: string | null;
  structuredReferences: readonly string[];
};

export type MatchReasonCode =
  | 'match_reason_reference'
  | 'match_reason_reference_rewritten'
  | 'match_reason_reference_typo'
  | 'match_reason_references_sum'
  | 'match_reason_iban_known'
  | 'match_reason_iban_other_customer'
  | 'match_reason_name'
  | 'match_reason_exact_amount'
  | 'match_reason_exact_amount_oldest'
  | 'match_reason_amount_unique'
  | 'match_reason_sum'
  | 'match_reason_credit_note'
  | 'match_reason_partial'
  | 'match_reason_overpayment'
  | 'match_reason_oldest_first'
  | 'match_reason_ambiguous'
  /** On a reversal line: the earlier line whose payment the bank took back. */
  | 'match_reason_reverses'
  /** On a reversal line: the earlier line it took back before anyone matched it. */
  | 'match_reason_reverses_unmatched'
  /** On a queued line the bank took back: set aside, its cash is gone. */
  | 'match_reason_taken_back';

/** One fact behind a proposal, as the queue and the event log say it. */
export type MatchReason = { code: MatchReasonCode; params: MessageParams };

/** Part of a proposal: the line's cash, or a credit note (`creditNoteId`), on an invoice. */
export type ProposedAllocation = { invoiceId: string; amountCents: Cents; creditNoteId?: string };

/** What a line pays, as the matcher believes it: confidence 0–100, with its reasons. */
export type MatchProposal = {
  customerId: string;
  allocations: ProposedAllocation[];
  /** What the line leaves on the customer's account, unapplied. */
  unappliedCents: Cents;
  confidence: number;
  reasons: MatchReason[];
};

/** The best proposals for a line, best first (at most 3); empty when nothing fits. */
export type LineProposals = MatchProposal[];

export type MatchBookInput = {
  /** The book's currency: its items' and the lines it reads. */
  currency: string;
  customers: readonly { id: string; code: string; name: string }[];
  openItems: readonly OpenItem[];
  /** Known payer accounts: an IBAN may be known for several customers (a parent company). */
  payerAccounts: readonly { iban: string; customerId: string }[];
};

/** A near number is trusted only this long: shorter ones are one edit from too many others. */
const MIN_TYPO_DIGITS = 5;
/** A name at least this alike names the payer on its own. */
const NAME_SIMILARITY = 0.8;
const MAX_SUGGESTIONS = 3;
/** A second customer's proposal this close to the best makes the best doubtful. */
const AMBIGUITY_MARGIN = 5;

type Found = { item: OpenItem; how: 'exact' | 'rewritten' | 'typo'; text: string };

/**
 * A customer's open items, oldest first (due date, issue date, number). Plain code-unit
 * order, not `localeCompare`: ISO dates sort so, and a run sorts 100,000 items.
 */
function byAge(a: OpenItem, b: OpenItem): number {
  return (
    compareText(a.dueDate, b.dueDate) ||
    compareText(a.issueDate, b.issueDate) ||
    compareText(a.number, b.number)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class MatchBook {
  readonly #byDigits = new Map<string, OpenItem[]>();
  readonly #byCustomer = new Map<string, OpenItem[]>();
  readonly #invoicesByAmount = new Map<number, OpenItem[]>();
  readonly #open = new Map<string, Cents>();
  readonly #items = new Map<string, OpenItem>();
  readonly #letters = new Map<string, string>();
  readonly #digits = new Map<string, string>();
  readonly #customers = new Map<string, { code: string; name: string }>();
  readonly #ibans = new Map<string, Set<string>>();
  readonly #names: PayerNameIndex;
  readonly #currency: string;

  constructor(input: MatchBookInput) {
    this.#currency = input.currency;
    for (const customer of input.customers) {
      this.#customers.set(customer.id, { code: customer.code, name: customer.name });
    }
    for (const item of [...input.openItems].sort(byAge)) {
      this.#open.set(item.id, item.openCents);
      this.#items.set(item.id, item);
      const key = documentNumberKey(item.number);
      if (key !== undefined) {
        for (const digits of digitKeys(key.digits, item.number)) {
          pushTo(this.#byDigits, digits, item);
        }
        this.#letters.set(item.id, key.letters);
        this.#digits.set(item.id, key.digits);
      }
      pushTo(this.#byCustomer, item.customerId, item);
      if (item.kind === 'invoice') {
        pushTo(this.#invoicesByAmount, item.openCents, item);
      }
    }
    for (const account of input.payerAccounts) {
      this.#learn(account.iban, account.customerId);
    }
    this.#names = new PayerNameIndex(input.customers.map(({ id, name }) => ({ id, name })));
  }

  /** An open item of the book, as it was read. */
  item(itemId: string): OpenItem | undefined {
    return this.#items.get(itemId);
  }

  /** A customer of the book. */
  customer(customerId: string): { code: string; name: string } | undefined {
    return this.#customers.get(customerId);
  }

  /** What is left open of an item, as the earlier matches of the run left it. */
  openOf(itemId: string): Cents {
    return this.#open.get(itemId) ?? cents(0);
  }

  /** The customers an IBAN is known for. */
  customersOfIban(iban: string): ReadonlySet<string> {
    return this.#ibans.get(normalizeIban(iban)) ?? new Set();
  }

  /** Takes an applied match out of the book, and learns the account its payer paid from. */
  consume(proposal: Pick<MatchProposal, 'customerId' | 'allocations'>, iban: string | null): void {
    for (const part of proposal.allocations) {
      for (const id of part.creditNoteId === undefined
        ? [part.invoiceId]
        : [part.invoiceId, part.creditNoteId]) {
        this.#open.set(id, cents(Math.max(0, this.openOf(id) - part.amountCents)));
      }
    }
    if (iban !== null) {
      this.#learn(iban, proposal.customerId);
    }
  }

  /** The best proposals for `line`, best first. */
  propose(line: MatchableLine): LineProposals {
    const amount = line.amountCents;
    const references = referenceCandidates(
      [line.remittanceText, ...line.structuredReferences].flatMap(textVariants),
    );
    const payer = this.#payerOf(line);
    const found = this.#findReferenced(references, amount, payer.customerIds);
    const proposals: MatchProposal[] = [];
    const referencedCustomers = countBy(found.map((entry) => entry.item.customerId));
    for (const [customerId] of [...referencedCustomers].sort((a, b) => b[1] - a[1])) {
      const ofCustomer = found.filter((entry) => entry.item.customerId === customerId);
      proposals.push(this.#fromReferences(customerId, ofCustomer, amount, payer));
    }
    for (const customerId of payer.customerIds) {
      if (!referencedCustomers.has(customerId)) {
        const proposal = this.#fromAmount(customerId, amount, payer);
        if (proposal !== undefined) {
          proposals.push(proposal);
        }
      }
    }
    if (proposals.length === 0) {
      const alone = this.#fromUniqueAmount(amount);
      if (alone !== undefined) {
        proposals.push(alone);
      }
    }
    const [best, second] = proposals.sort((a, b) => b.confidence - a.confidence);
    if (
      best !== undefined &&
      second !== undefined &&
      second.customerId !== best.customerId &&
      second.confidence >= best.confidence - AMBIGUITY_MARGIN
    ) {
      // Two customers fit about as well: neither is sure enough to apply alone.
      best.confidence -= 15;
      best.reasons.push({ code: 'match_reason_ambiguous', params: {} });
      proposals.sort((a, b) => b.confidence - a.confidence);
    }
    return proposals.slice(0, MAX_SUGGESTIONS);
  }

  #learn(iban: string, customerId: string): void {
    const key = normalizeIban(iban);
    const known = this.#ibans.get(key) ?? new Set<string>();
    known.add(customerId);
    this.#ibans.set(key, known);
  }

  #openItemsOf(customerId: string): OpenItem[] {
    return (this.#byCustomer.get(customerId) ?? []).filter((item) => this.openOf(item.id) > 0);
  }

  #label(customerId: string): string {
    const customer = this.#customers.get(customerId);
    return customer === undefined ? customerId : `${customer.code} ${customer.name}`;
  }

  /** Who the line says paid: an IBAN known for one customer, else names alike enough. */
  #payerOf(line: MatchableLine): Payer {
    const byIban =
      line.counterpartyIban === null
        ? new Set<string>()
        : this.customersOfIban(line.counterpartyIban);
    if (byIban.size === 1) {
      const [customerId = ''] = byIban;
      return {
        customerIds: [customerId],
        ibanCustomer: customerId,
        similarity: new Map(),
      };
    }
    const named =
      line.counterpartyName === null
        ? []
        : this.#names.find(line.counterpartyName, { minSimilarity: 0.6 });
    return {
      customerIds: named
        .filter((match) => match.similarity >= NAME_SIMILARITY)
        .map((match) => match.customerId),
      ibanCustomer: undefined,
      similarity: new Map(named.map((match) => [match.customerId, match.similarity])),
    };
  }

  /**
   * The open items the references name: by their digits (an exact number, or the same
   * number rewritten), else one edit away among the items that could be meant (the
   * payer's, or those whose open amount is the line's).
   */
  #findReferenced(
    references: readonly ReferenceCandidate[],
    amount: Cents,
    payerIds: readonly string[],
  ): Found[] {
    const found = new Map<string, Found>();
    const unmatched: ReferenceCandidate[] = [];
    for (const reference of references) {
      const items = [
        ...new Set(
          digitKeys(reference.key.digits, reference.text).flatMap(
            (digits) => this.#byDigits.get(digits) ?? [],
          ),
        ),
      ].filter((item) => this.openOf(item.id) > 0);
      const sameLetters = items.filter(
        (item) => this.#letters.get(item.id) === reference.key.letters,
      );
      // One number written with its prefix names that document; without it, any with the digits.
      const chosen = sameLetters.length > 0 ? sameLetters : items;
      for (const item of chosen) {
        if (!found.has(item.id)) {
          // As stored: the same letters and the same digits, not merely the same groups.
          const how =
            sameLetters.length > 0 && this.#digits.get(item.id) === reference.key.digits
              ? 'exact'
              : 'rewritten';
          found.set(item.id, { item, how, text: reference.text });
        }
      }
      if (chosen.length === 0 && reference.key.digits.length >= MIN_TYPO_DIGITS) {
        unmatched.push(reference);
      }
    }
    if (unmatched.length > 0) {
      const near = [
        ...payerIds.flatMap((id) => this.#openItemsOf(id)),
        ...(this.#invoicesByAmount.get(amount) ?? []).filter((item) => this.openOf(item.id) > 0),
      ];
      for (const reference of unmatched) {
        const hits = near.filter((item) => {
          const digits = documentNumberKey(item.number)?.digits;
          return digits !== undefined && withinOneEdit(digits, reference.key.digits);
        });
        // Near two documents, a typo names neither.
        const unique = new Map(hits.map((item) => [item.id, item]));
        const [only] = unique.values();
        if (unique.size === 1 && only !== undefined && !found.has(only.id)) {
          found.set(only.id, { item: only, how: 'typo', text: reference.text });
        }
      }
    }
    return [...found.values()];
  }

  /** The referenced items of one customer, settled by the line's amount. */
  #fromReferences(
    customerId: string,
    found: readonly Found[],
    amount: Cents,
    payer: Payer,
  ): MatchProposal {
    const reasons: MatchReason[] = found.map(({ item, how, text }) => ({
      code:
        how === 'exact'
          ? 'match_reason_reference'
          : how === 'rewritten'
            ? 'match_reason_reference_rewritten'
            : 'match_reason_reference_typo',
      params: { number: item.number, text },
    }));
    const invoices = found.filter((entry) => entry.item.kind === 'invoice').map((e) => e.item);
    let credits = found.filter((entry) => entry.item.kind === 'credit_note').map((e) => e.item);
    const invoicesOpen = sum(invoices.map((item) => this.openOf(item.id)));
    let due = invoicesOpen - sum(credits.map((item) => this.openOf(item.id)));
    if (due !== amount && credits.length === 0) {
      // A credit note the payer deducted without naming it.
      const deducted = this.#openItemsOf(customerId).find(
        (item) => item.kind === 'credit_note' && invoicesOpen - this.openOf(item.id) === amount,
      );
      if (deducted !== undefined) {
        credits = [deducted];
        due = amount;
      }
    }
    for (const credit of credits) {
      reasons.push({ code: 'match_reason_credit_note', params: { number: credit.number } });
    }
    const weakest = found.some((entry) => entry.how === 'typo')
      ? 'typo'
      : found.some((entry) => entry.how === 'rewritten')
        ? 'rewritten'
        : 'exact';
    const payerAgrees =
      payer.ibanCustomer === customerId ||
      (payer.similarity.get(customerId) ?? 0) >= NAME_SIMILARITY;
    const payerConflicts = payer.ibanCustomer !== undefined && payer.ibanCustomer !== customerId;
    if (payer.ibanCustomer === customerId) {
      reasons.push({
        code: 'match_reason_iban_known',
        params: { customer: this.#label(customerId) },
      });
    } else if (payerConflicts) {
      reasons.push({
        code: 'match_reason_iban_other_customer',
        params: { customer: this.#label(payer.ibanCustomer ?? '') },
      });
    }
    const settled = settle(invoices, credits, amount, (item) => this.openOf(item.id));
    let confidence: number;
    if (invoices.length === 0) {
      confidence = 40;
    } else if (due === amount) {
      if (invoices.length > 1 || credits.length > 0) {
        reasons.push({ code: 'match_reason_references_sum', params: { count: invoices.length } });
      }
      confidence = { exact: 99, rewritten: 97, typo: payerAgrees ? 96 : 93 }[weakest];
    } else if (amount < due) {
      reasons.push({
        code: 'match_reason_partial',
        params: { amount, open: due, currency: this.#currency },
      });
      // Less than the invoices: only the payer can say the number was not someone else's.
      confidence = { exact: payerAgrees ? 92 : 85, rewritten: payerAgrees ? 90 : 85, typo: 70 }[
        weakest
      ];
    } else {
      reasons.push({
        code: 'match_reason_overpayment',
        params: { amount: settled.unappliedCents, currency: this.#currency },
      });
      confidence = { exact: payerAgrees ? 91 : 85, rewritten: payerAgrees ? 90 : 85, typo: 70 }[
        weakest
      ];
    }
    if (payerConflicts) {
      confidence -= 4;
    }
    return { customerId, ...settled, confidence, reasons };
  }

  /** Without a reference: which of a known payer's open items the amount pays. */
  #fromAmount(customerId: string, amount: Cents, payer: Payer): MatchProposal | undefined {
    const byIban = payer.ibanCustomer === customerId;
    const similarity = payer.similarity.get(customerId) ?? 0;
    const who: MatchReason = byIban
      ? { code: 'match_reason_iban_known', params: { customer: this.#label(customerId) } }
      : {
          code: 'match_reason_name',
          params: { customer: this.#label(customerId), similarity: Math.round(similarity * 100) },
        };
    const items = this.#openItemsOf(customerId);
    const invoices = items.filter((item) => item.kind === 'invoice');
    const exact = invoices.filter((item) => this.openOf(item.id) === amount);
    const [oldest] = exact;
    if (oldest !== undefined) {
      const uniqueInLedger =
        (this.#invoicesByAmount.get(amount) ?? []).filter((item) => this.openOf(item.id) > 0)
          .length === 1;
      const reasons: MatchReason[] = [
        who,
        {
          code:
            exact.length === 1 ? 'match_reason_exact_amount' : 'match_reason_exact_amount_oldest',
          params: { number: oldest.number },
        },
      ];
      if (!byIban && uniqueInLedger) {
        reasons.push({ code: 'match_reason_amount_unique', params: { number: oldest.number } });
      }
      const confidence =
        exact.length > 1 ? 80 : byIban ? 95 : uniqueInLedger && similarity >= 0.9 ? 92 : 84;
      return {
        customerId,
        allocations: [{ invoiceId: oldest.id, amountCents: amount }],
        unappliedCents: cents(0),
        confidence,
        reasons,
      };
    }
    const combinable: CombinableItem[] = items.map((item) => ({
      id: item.id,
      amountCents: (item.kind === 'invoice' ? 1 : -1) * this.openOf(item.id),
    }));
    const combination = findCombination(combinable, amount);
    if (combination !== undefined) {
      const chosen = items.filter((item) => combination.ids.includes(item.id));
      const invoicesIn = chosen.filter((item) => item.kind === 'invoice');
      const creditsIn = chosen.filter((item) => item.kind === 'credit_note');
      const reasons: MatchReason[] = [
        who,
        { code: 'match_reason_sum', params: { count: invoicesIn.length } },
        ...creditsIn.map((item): MatchReason => ({
          code: 'match_reason_credit_note',
          params: { number: item.number },
        })),
      ];
      if (combination.ambiguous) {
        reasons.push({ code: 'match_reason_ambiguous', params: {} });
      }
      const confidence = combination.ambiguous ? 70 : byIban ? 92 : 80;
      return {
        customerId,
        ...settle(invoicesIn, creditsIn, amount, (item) => this.openOf(item.id)),
        confidence,
        reasons,
      };
    }
    if (invoices.length === 0) {
      return undefined;
    }
    return {
      customerId,
      ...settle(invoices, [], amount, (item) => this.openOf(item.id)),
      confidence: 50,
      reasons: [who, { code: 'match_reason_oldest_first', params: {} }],
    };
  }

  /** Nobody known paid: an amount only one open invoice of the company has, as a hint. */
  #fromUniqueAmount(amount: Cents): MatchProposal | undefined {
    const items = (this.#invoicesByAmount.get(amount) ?? []).filter(
      (item) => this.openOf(item.id) > 0,
    );
    const [only] = items;
    if (items.length !== 1 || only === undefined) {
      return undefined;
    }
    return {
      customerId: only.customerId,
      allocations: [{ invoiceId: only.id, amountCents: amount }],
      unappliedCents: cents(0),
      confidence: 60,
      reasons: [{ code: 'match_reason_amount_unique', params: { number: only.number } }],
    };
  }
}

type Payer = {
  /** The customers the line's payer may be: one by a known IBAN, else by name. */
  customerIds: readonly string[];
  ibanCustomer: string | undefined;
  similarity: ReadonlyMap<string, number>;
};

/**
 * Spreads `amount` over invoices oldest first, after the credit notes: each credit note
 * goes to the invoices first (from the oldest), then the cash covers what is left, the
 * last invoice partly if the cash runs out, and what is left over stays unapplied.
 */
export function settle(
  invoices: readonly OpenItem[],
  credits: readonly OpenItem[],
  amount: Cents,
  openOf: (item: OpenItem) => Cents,
): { allocations: ProposedAllocation[]; unappliedCents: Cents } {
  const ordered = [...invoices].sort(byAge);
  const left = new Map(ordered.map((item) => [item.id, openOf(item) as number]));
  const allocations: ProposedAllocation[] = [];
  for (const credit of credits) {
    let available: number = openOf(credit);
    for (const invoice of ordered) {
      const take = Math.min(available, left.get(invoice.id) ?? 0);
      if (take > 0) {
        allocations.push({
          invoiceId: invoice.id,
          amountCents: cents(take),
          creditNoteId: credit.id,
        });
        left.set(invoice.id, (left.get(invoice.id) ?? 0) - take);
        available -= take;
      }
    }
  }
  let cash: number = amount;
  for (const invoice of ordered) {
    const take = minCents(cents(cash), cents(left.get(invoice.id) ?? 0));
    if (take > 0) {
      allocations.push({ invoiceId: invoice.id, amountCents: take });
      cash -= take;
    }
  }
  return { allocations, unappliedCents: cents(cash) };
}

/**
 * The texts references are read from: as given, and rewritten the ways payers split one
 * number (`FA-2026-460 408`, digits grouped by a space) or join several into one token
 * (`F1/F2/F3`). A reference found in several variants counts once.
 */
function textVariants(text: string | null): string[] {
  if (text === null) {
    return [];
  }
  const joined = text.replace(/(\d) (?=\d)/g, '$1');
  const split = text.replace(/\//g, ' ');
  return [...new Set([text, joined, split])];
}

/**
 * The keys a number's digits are looked up by: all its digits (`FA20264 46421` is
 * `FA-2026-446421` regrouped), and each group without its leading zeros
 * (`FA-2026-00454783` is `FA-2026-454783` padded).
 */
function digitKeys(digits: string, text: string): string[] {
  const groups = (text.match(/\d+/g) ?? []).map((group) => group.replace(/^0+/, '')).join('');
  return groups === digits || groups.length < 3 ? [digits] : [digits, groups];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
