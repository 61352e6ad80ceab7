/**
 * Which earlier line a reversal takes back (docs/cash-application.md, « Reversals »). The
 * bank taking a movement back writes a line of the opposite amount on the same account:
 * a camt reversal (`RvslInd`) or return (`RtrInf`), a CFONB 04 record with a reject
 * reason code (positions 41-42). Pure (HOUSE_STYLE §3): the reversals and the lines they
 * may take back come read, the pairs go out; the service voids or sets aside.
 */
import { daysBetween } from '../../shared/calendar-date.ts';
import type { StoredBankLine } from '../model.ts';
import type { LineMatch } from './line-match.ts';
import { nameSimilarity, nameWords } from './payer-names.ts';

/** The bank taking a movement back: a reversal (camt `RvslInd`), or a return with its reason. */
export function isReturn(line: Pick<StoredBankLine, 'isReversal' | 'returnReason'>): boolean {
  return line.isReversal || line.returnReason !== null;
}

/** References that name one transaction across its movements: the reversal repeats them. */
const TRANSACTION_REFERENCES = ['endToEndId', 'transactionId', 'mandateId'] as const;

/** What SEPA writes where a reference is expected and there is none: it names no transaction. */
const NOT_PROVIDED = 'NOTPROVIDED';

function transactionReferenceOf(
  line: StoredBankLine,
  name: (typeof TRANSACTION_REFERENCES)[number],
): string | undefined {
  const value = line.bankReferences[name];
  return value === NOT_PROVIDED ? undefined : value;
}

function hasTransactionReference(line: StoredBankLine): boolean {
  return TRANSACTION_REFERENCES.some((name) => transactionReferenceOf(line, name) !== undefined);
}

/**
 * How far back a reversal that names nothing (no transaction reference, no IBAN) looks for
 * the line it takes back, counted from its own booking date. SEPA's R-transactions come
 * within days or weeks: a credit transfer is returned within 10 banking days, a direct
 * debit rejected or returned within 5, and refunded on the debtor's request within
 * 8 weeks (SEPA Core rulebook). 90 days covers the 8 weeks and a statement imported late;
 * an older take-back (an unauthorised debit refunded up to 13 months later) is for a
 * person, as every extra day makes a lone line of the same amount more likely by chance.
 */
export const UNNAMED_REVERSAL_LOOK_BACK_DAYS = 90;

/**
 * How alike two counterparty names must be to be the same party, as the matcher's own
 * threshold for a name naming the payer (`match-book.ts`): banks write one party's name
 * their own way (cut at 35 characters, legal form dropped), which `nameSimilarity` allows for.
 */
const SAME_PARTY_SIMILARITY = 0.8;

/** Whether both lines name their counterparty, and not as the same party. */
function namesDisagree(a: string | null, b: string | null): boolean {
  const wordsOfA = a === null ? [] : nameWords(a);
  const wordsOfB = b === null ? [] : nameWords(b);
  return (
    wordsOfA.length > 0 &&
    wordsOfB.length > 0 &&
    nameSimilarity(wordsOfA, wordsOfB) < SAME_PARTY_SIMILARITY
  );
}

/** A line a reversal may take back, with what became of it. */
export type ReversibleLine = {
  line: StoredBankLine;
  match: Pick<LineMatch, 'status' | 'reasons'>;
};

/** How a reversal was paired: a shared transaction reference, the same IBAN, or its amount alone. */
export type PairedBy = 'reference' | 'iban' | 'amount';

export type ReversalPair<Line extends ReversibleLine> = {
  reversal: StoredBankLine;
  original: Line;
  pairedBy: PairedBy;
};

/**
 * Whether `reversal` takes back `original` by what names the transaction: a transaction
 * reference they share (never the SEPA placeholder `NOTPROVIDED`), or, when neither has
 * one, the same counterparty IBAN.
 */
function namedPairing(reversal: StoredBankLine, original: StoredBankLine): PairedBy | undefined {
  const isShared = TRANSACTION_REFERENCES.some((name) => {
    const value = transactionReferenceOf(reversal, name);
    return value !== undefined && transactionReferenceOf(original, name) === value;
  });
  if (isShared) {
    return 'reference';
  }
  return !hasTransactionReference(reversal) &&
    !hasTransactionReference(original) &&
    reversal.counterpartyIban !== null &&
    reversal.counterpartyIban === original.counterpartyIban
    ? 'iban'
    : undefined;
}

/**
 * Whether `line` is a movement `reversal` may take back at all: of the same account and
 * currency (never across either), of the opposite amount, booked on or before it, and not
 * the bank taking something back itself.
 */
function mayTakeBack(reversal: StoredBankLine, line: StoredBankLine): boolean {
  return (
    line.id !== reversal.id &&
    line.bankAccountId === reversal.bankAccountId &&
    line.currency === reversal.currency &&
    reversal.amountCents !== 0 &&
    line.amountCents + reversal.amountCents === 0 &&
    line.bookingDate <= reversal.bookingDate &&
    !isReturn(line)
  );
}

/** Applied or still queued: a line whose payment can be voided, or that can be set aside. */
function isPairable(match: ReversibleLine['match']): boolean {
  return match.status === 'applied' || match.status === 'queued';
}

/**
 * Whether a line still holds money a reversal could take back: not taken back already
 * (`reversed`, or set aside with `match_reason_taken_back`). A line a person set aside
 * (`ignored`: a refund, a loan) still does, so it makes a reversal of its amount ambiguous.
 */
function isStillThere(match: ReversibleLine['match']): boolean {
  return (
    isPairable(match) ||
    (match.status === 'ignored' &&
      !match.reasons.some((reason) => reason.code === 'match_reason_taken_back'))
  );
}

function byBookingDate(a: StoredBankLine, b: StoredBankLine): number {
  if (a.bookingDate !== b.bookingDate) {
    return a.bookingDate < b.bookingDate ? -1 : 1;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}

/**
 * The line each reversal takes back, each line taken back once:
 *
 * 1. **Named**: the earliest applied or queued line the reversal may take back (same
 *    account and currency, opposite amount, booked on or before it) that shares its
 *    transaction reference, or its IBAN when neither has a reference (`namedPairing`).
 * 2. **Unnamed**: a reversal with no transaction reference and no IBAN (a CFONB return
 *    never gives an IBAN, and gives a reference only in a 05 `RCN`) takes back a line by
 *    its amount alone, and only when nothing could be mistaken: that line is the *only*
 *    one of the account it may take back booked in the `UNNAMED_REVERSAL_LOOK_BACK_DAYS`
 *    before it that still holds its money (applied, queued, or set aside by a person);
 *    it is applied or queued; the counterparty names, when both lines give one, are the
 *    same party (a veto, never a tie-breaker: two candidates stay two whatever their
 *    names); and no other unnamed reversal among `reversals` claims the same line. Else
 *    the reversal stays unpaired, for a person.
 *
 * `candidates` must hold every line the reversals may take back, in any status but
 * taken back; `reversals` are paired in booking order, the new ones and the stored
 * unpaired ones alike, so a reversal read before its line pairs when the line arrives.
 */
export function pairReversals<Line extends ReversibleLine>(
  reversals: readonly StoredBankLine[],
  candidates: readonly Line[],
): ReversalPair<Line>[] {
  const ordered = [...new Map(reversals.map((line) => [line.id, line])).values()].sort(
    byBookingDate,
  );
  const lines = [...new Map(candidates.map((entry) => [entry.line.id, entry])).values()]
    .filter((entry) => isStillThere(entry.match))
    .sort((a, b) => byBookingDate(a.line, b.line));
  const taken = new Set<string>();
  const pairs: ReversalPair<Line>[] = [];
  const unnamed: StoredBankLine[] = [];
  for (const reversal of ordered) {
    const named = lines.flatMap((original) => {
      const pairedBy =
        !taken.has(original.line.id) &&
        isPairable(original.match) &&
        mayTakeBack(reversal, original.line)
          ? namedPairing(reversal, original.line)
          : undefined;
      return pairedBy === undefined ? [] : [{ reversal, original, pairedBy }];
    });
    const [first] = named;
    if (first !== undefined) {
      taken.add(first.original.line.id);
      pairs.push(first);
    } else if (!hasTransactionReference(reversal) && reversal.counterpartyIban === null) {
      unnamed.push(reversal);
    }
  }
  const claims = new Map<string, { reversal: StoredBankLine; original: Line }[]>();
  for (const reversal of unnamed) {
    const within = lines.filter(
      (entry) =>
        !taken.has(entry.line.id) &&
        mayTakeBack(reversal, entry.line) &&
        daysBetween(entry.line.bookingDate, reversal.bookingDate) <=
          UNNAMED_REVERSAL_LOOK_BACK_DAYS,
    );
    const [only] = within;
    if (
      within.length !== 1 ||
      only === undefined ||
      !isPairable(only.match) ||
      namesDisagree(reversal.counterpartyName, only.line.counterpartyName)
    ) {
      continue;
    }
    claims.set(only.line.id, [...(claims.get(only.line.id) ?? []), { reversal, original: only }]);
  }
  for (const [lineId, claimed] of claims) {
    const [claim] = claimed;
    if (claimed.length === 1 && claim !== undefined) {
      taken.add(lineId);
      pairs.push({ ...claim, pairedBy: 'amount' });
    }
  }
  return pairs;
}
