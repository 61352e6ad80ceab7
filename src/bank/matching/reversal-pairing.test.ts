import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/calendar-date.ts';
import { cents } from '../../shared/money.ts';
import type { StoredBankLine } from '../model.ts';
import type { BankLineMatchStatus } from './line-match.ts';
import {
  pairReversals,
  UNNAMED_REVERSAL_LOOK_BACK_DAYS,
  type ReversibleLine,
} from './reversal-pairing.ts';

function line(id: string, date: string, amount: number, more: Partial<StoredBankLine> = {}) {
  return {
    id,
    bankStatementId: 'S',
    bankAccountId: 'A1',
    dedupKey: id,
    bookingDate: calendarDate(date),
    valueDate: null,
    amountCents: cents(amount),
    currency: 'EUR',
    counterpartyName: null,
    counterpartyIban: null,
    remittanceText: null,
    structuredReferences: [],
    bankReferences: {},
    transactionCode: null,
    isReversal: false,
    returnReason: null,
    ...more,
  } satisfies StoredBankLine;
}

/** A CFONB return: a reject reason code, no reference, no IBAN. */
function cfonbReturn(id: string, date: string, amount: number, more: Partial<StoredBankLine> = {}) {
  return line(id, date, amount, { isReversal: true, returnReason: '04', ...more });
}

function candidate(
  entry: StoredBankLine,
  status: BankLineMatchStatus = 'applied',
  reasons: ReversibleLine['match']['reasons'] = [],
): ReversibleLine {
  return { line: entry, match: { status, reasons } };
}

function paired(reversals: StoredBankLine[], candidates: ReversibleLine[]) {
  return pairReversals(reversals, candidates).map(({ reversal, original, pairedBy }) => [
    reversal.id,
    original.line.id,
    pairedBy,
  ]);
}

describe('pairReversals, by what names the transaction', () => {
  it('pairs a shared end-to-end id, never SEPA’s NOTPROVIDED, and an IBAN when neither has a reference', () => {
    const paid = line('P1', '2026-03-02', 10_000, { bankReferences: { endToEndId: 'E1' } });
    const other = line('P2', '2026-03-03', 10_000, { bankReferences: { endToEndId: 'E2' } });
    const back = line('R1', '2026-03-05', -10_000, {
      isReversal: true,
      bankReferences: { endToEndId: 'E2' },
    });
    expect(paired([back], [candidate(paid), candidate(other)])).toEqual([
      ['R1', 'P2', 'reference'],
    ]);

    const fromIban = line('P3', '2026-03-02', 5_000, {
      counterpartyIban: 'FR76X',
      bankReferences: { endToEndId: 'NOTPROVIDED' },
    });
    const ibanBack = line('R2', '2026-03-05', -5_000, {
      isReversal: true,
      counterpartyIban: 'FR76X',
      bankReferences: { endToEndId: 'NOTPROVIDED' },
    });
    expect(paired([ibanBack], [candidate(fromIban)])).toEqual([['R2', 'P3', 'iban']]);
  });

  it('leaves a reversal naming another transaction unpaired, even with one line of its amount', () => {
    const paid = line('P1', '2026-03-02', 10_000, { bankReferences: { endToEndId: 'E1' } });
    const back = line('R1', '2026-03-05', -10_000, {
      isReversal: true,
      bankReferences: { endToEndId: 'E9' },
    });
    expect(paired([back], [candidate(paid)])).toEqual([]);
  });
});

describe('pairReversals, a reversal that names nothing (a CFONB return)', () => {
  it('takes back the only line of the opposite amount, applied or queued', () => {
    const paid = line('P1', '2026-03-02', 10_000, { bankReferences: { endToEndId: 'E1' } });
    expect(paired([cfonbReturn('R1', '2026-03-09', -10_000)], [candidate(paid)])).toEqual([
      ['R1', 'P1', 'amount'],
    ]);
    expect(paired([cfonbReturn('R1', '2026-03-09', -10_000)], [candidate(paid, 'queued')])).toEqual(
      [['R1', 'P1', 'amount']],
    );
  });

  it.each([
    ['two lines of the amount', [candidate(line('P2', '2026-03-03', 10_000))]],
    ['one of them set aside by a person', [candidate(line('P2', '2026-03-03', 10_000), 'ignored')]],
  ])('pairs nothing when it could be either: %s', (_, others) => {
    const paid = candidate(line('P1', '2026-03-02', 10_000));
    expect(paired([cfonbReturn('R1', '2026-03-09', -10_000)], [paid, ...others])).toEqual([]);
  });

  it('does not count a line taken back already, nor a return', () => {
    const paid = candidate(line('P1', '2026-03-02', 10_000));
    const reversed = candidate(line('P2', '2026-03-03', 10_000), 'reversed');
    const takenBack = candidate(line('P3', '2026-03-03', 10_000), 'ignored', [
      { code: 'match_reason_taken_back', params: { date: '2026-03-04', reason: '04' } },
    ]);
    const returned = candidate(cfonbReturn('P4', '2026-03-03', 10_000), 'reversal');
    expect(
      paired([cfonbReturn('R1', '2026-03-09', -10_000)], [paid, reversed, takenBack, returned]),
    ).toEqual([['R1', 'P1', 'amount']]);
  });

  it('looks back 90 days, not before, and never after its own date', () => {
    const back = cfonbReturn('R1', '2026-06-30', -10_000);
    const atLimit = line('P1', '2026-04-01', 10_000);
    expect(UNNAMED_REVERSAL_LOOK_BACK_DAYS).toBe(90);
    expect(paired([back], [candidate(atLimit)])).toEqual([['R1', 'P1', 'amount']]);
    expect(paired([back], [candidate(line('P2', '2026-03-31', 10_000))])).toEqual([]);
    expect(paired([back], [candidate(line('P3', '2026-07-01', 10_000))])).toEqual([]);
    // A line older than the window does not make one inside it ambiguous.
    expect(
      paired([back], [candidate(line('P2', '2026-03-31', 10_000)), candidate(atLimit)]),
    ).toEqual([['R1', 'P1', 'amount']]);
  });

  it('never pairs across accounts or currencies', () => {
    const back = cfonbReturn('R1', '2026-03-09', -10_000);
    expect(
      paired([back], [candidate(line('P1', '2026-03-02', 10_000, { bankAccountId: 'A2' }))]),
    ).toEqual([]);
    expect(
      paired([back], [candidate(line('P1', '2026-03-02', 10_000, { currency: 'CHF' }))]),
    ).toEqual([]);
  });

  it('names, when both lines give one, must be the same party: a veto, not a tie-breaker', () => {
    const martin = line('P1', '2026-03-02', 10_000, {
      counterpartyName: 'SARL BOULANGERIE MARTIN',
    });
    const dupont = line('P2', '2026-03-03', 10_000, { counterpartyName: 'TRANSPORTS DUPONT' });
    const fromMartin = cfonbReturn('R1', '2026-03-09', -10_000, {
      counterpartyName: 'BOULANGERIE MARTIN',
    });
    expect(paired([fromMartin], [candidate(martin)])).toEqual([['R1', 'P1', 'amount']]);
    expect(paired([fromMartin], [candidate(dupont)])).toEqual([]);
    expect(paired([fromMartin], [candidate(martin), candidate(dupont)])).toEqual([]);
    // A line without a name is no reason to refuse.
    expect(paired([fromMartin], [candidate(line('P3', '2026-03-02', 10_000))])).toEqual([
      ['R1', 'P3', 'amount'],
    ]);
  });

  it('pairs nothing when two reversals claim the one line', () => {
    const paid = candidate(line('P1', '2026-03-02', 10_000));
    const first = cfonbReturn('R1', '2026-03-09', -10_000);
    const second = cfonbReturn('R2', '2026-03-10', -10_000);
    expect(paired([first, second], [paid])).toEqual([]);
  });

  it('leaves a line a named reversal took out of the count', () => {
    const named = line('P1', '2026-03-02', 10_000, { bankReferences: { endToEndId: 'E1' } });
    const unnamed = line('P2', '2026-03-03', 10_000);
    const byReference = line('R1', '2026-03-09', -10_000, {
      isReversal: true,
      bankReferences: { endToEndId: 'E1' },
    });
    expect(
      paired(
        [byReference, cfonbReturn('R2', '2026-03-09', -10_000)],
        [candidate(named), candidate(unnamed)],
      ),
    ).toEqual([
      ['R1', 'P1', 'reference'],
      ['R2', 'P2', 'amount'],
    ]);
  });
});
