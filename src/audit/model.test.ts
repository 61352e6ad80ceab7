import { describe, expect, it } from 'vitest';
import {
  checkKnownHead,
  describeChainBreak,
  judgeChain,
  type BrokenRow,
  type ChainSummary,
} from './model.ts';

const H1 = 'a'.repeat(64);
const H3 = 'c'.repeat(64);

function summary(overrides: Partial<ChainSummary> = {}): ChainSummary {
  return { events: 3, last: { seq: 3, hash: H3 }, head: { seq: 3, hash: H3 }, ...overrides };
}

function row(overrides: Partial<BrokenRow>): BrokenRow {
  return { seq: 2, hash: H1, previousSeq: 1, isLinked: false, isNextLinked: true, ...overrides };
}

describe('judgeChain', () => {
  it.each([
    ['an intact chain', undefined, summary(), { ok: true, events: 3, head: { seq: 3, hash: H3 } }],
    [
      'no events and no head',
      undefined,
      summary({ events: 0, last: null, head: null }),
      { ok: true, events: 0, head: null },
    ],
    [
      'a gap',
      row({ seq: 5, previousSeq: 2 }),
      summary({ events: 4, last: { seq: 6, hash: H3 }, head: { seq: 6, hash: H3 } }),
      { ok: false, events: 4, broken: { kind: 'missing', from: 3, to: 4 } },
    ],
    [
      'a first event that is not 1',
      row({ seq: 2, previousSeq: null }),
      summary({ events: 2 }),
      { ok: false, events: 2, broken: { kind: 'missing', from: 1, to: 1 } },
    ],
    [
      'changed fields (the next event still links)',
      row({}),
      summary(),
      { ok: false, events: 3, broken: { kind: 'altered', seq: 2, part: 'content' } },
    ],
    [
      'a rewritten hash (the next event no longer links)',
      row({ isNextLinked: false }),
      summary(),
      { ok: false, events: 3, broken: { kind: 'altered', seq: 2, part: 'hash' } },
    ],
    [
      'changed fields of the last event (the head still holds its hash)',
      row({ seq: 3, previousSeq: 2, hash: H3, isNextLinked: null }),
      summary(),
      { ok: false, events: 3, broken: { kind: 'altered', seq: 3, part: 'content' } },
    ],
    [
      'the last events deleted',
      undefined,
      summary({ events: 1, last: { seq: 1, hash: H1 } }),
      { ok: false, events: 1, broken: { kind: 'missing', from: 2, to: 3 } },
    ],
    [
      'every event deleted',
      undefined,
      summary({ events: 0, last: null }),
      { ok: false, events: 0, broken: { kind: 'missing', from: 1, to: 3 } },
    ],
    [
      'an event past the head',
      row({ seq: 4, previousSeq: 3, isNextLinked: null }),
      summary({ events: 4, last: { seq: 4, hash: H1 } }),
      { ok: false, events: 4, broken: { kind: 'unchained', seq: 4 } },
    ],
    [
      'a well-forged event past the head',
      undefined,
      summary({ events: 4, last: { seq: 4, hash: H1 } }),
      { ok: false, events: 4, broken: { kind: 'unchained', seq: 4 } },
    ],
    [
      'a rewritten chain',
      undefined,
      summary({ last: { seq: 3, hash: H1 } }),
      { ok: false, events: 3, broken: { kind: 'head_mismatch', seq: 3 } },
    ],
    [
      'events without a head',
      undefined,
      summary({ head: null }),
      { ok: false, events: 3, broken: { kind: 'head_missing', seq: 1 } },
    ],
  ])('%s', (_, firstBroken, chain, expected) => {
    expect(judgeChain(firstBroken, chain)).toEqual(expected);
  });
});

describe('describeChainBreak', () => {
  it.each([
    [{ kind: 'missing', from: 2, to: 2 } as const, 'event 2 is missing (deleted)'],
    [{ kind: 'missing', from: 2, to: 5 } as const, 'events 2 to 5 are missing (deleted)'],
    [
      { kind: 'altered', seq: 7, part: 'content' } as const,
      'event 7 was changed after it was recorded: its fields no longer match its hash',
    ],
  ])('names the first broken event: %o', (broken, sentence) => {
    expect(describeChainBreak(broken, 'en')).toBe(sentence);
  });

  it.each([
    [{ kind: 'missing', from: 2, to: 2 } as const, "l'événement 2 manque (supprimé)"],
    [{ kind: 'missing', from: 2, to: 5 } as const, 'les événements 2 à 5 manquent (supprimés)'],
    [
      { kind: 'altered', seq: 7, part: 'hash' } as const,
      "l'événement 7 ne correspond pas à son hachage : son hachage (ou ses champs) a été modifié",
    ],
    [
      { kind: 'head_missing', seq: 1 } as const,
      "la tête de la chaîne manque : des événements existent, mais rien n'enregistre le dernier",
    ],
  ])('names it in French too: %o', (broken, sentence) => {
    expect(describeChainBreak(broken, 'fr')).toBe(sentence);
  });

  it('keeps an event’s number as stored, not formatted as a count', () => {
    expect(describeChainBreak({ kind: 'rewritten', seq: 12_345 }, 'fr')).toBe(
      "l'événement 12345 n'a plus le hachage relevé auparavant : la chaîne a été réécrite",
    );
  });
});

describe('checkKnownHead', () => {
  const intact = { ok: true, events: 3, head: { seq: 3, hash: H3 } } as const;

  it('passes when the recorded event still has its hash (in any case)', () => {
    expect(checkKnownHead(intact, { seq: 2, hash: H1.toUpperCase() }, H1)).toEqual(intact);
  });

  it('names a rewritten chain, or a recorded event that is gone', () => {
    expect(checkKnownHead(intact, { seq: 2, hash: H1 }, H3)).toEqual({
      ok: false,
      events: 3,
      broken: { kind: 'rewritten', seq: 2 },
    });
    expect(checkKnownHead(intact, { seq: 9, hash: H1 }, undefined)).toEqual({
      ok: false,
      events: 3,
      broken: { kind: 'missing', from: 9, to: 9 },
    });
  });
});
