/**
 * What an audit-trail check found, and how to say it. The chain itself is computed
 * by the database (migration 202612011200, ADR 14); this is its reading.
 */
import type { Language } from '../shared/language.ts';
import { cliOutputWord } from '../shared/messages/catalogue.ts';

/** The first place where a company's chain does not hold, in seq order. */
export type ChainBreak =
  /** Events `from`…`to` are absent: later ones exist (or the head records them). */
  | { kind: 'missing'; from: number; to: number }
  /**
   * Event `seq` does not hash to what is stored. `content`: the next event (or the
   * head, for the last one) still links to its stored hash, so its fields were
   * changed; `hash`: its stored hash itself was changed.
   */
  | { kind: 'altered'; seq: number; part: 'content' | 'hash' }
  /** Events from `seq` on were added after the head: outside the chain. */
  | { kind: 'unchained'; seq: number }
  /** The last event's hash is not the one its head records: the chain was rewritten. */
  | { kind: 'head_mismatch'; seq: number }
  /** Events exist but the company has no head. */
  | { kind: 'head_missing'; seq: number }
  /**
   * The chain holds, but event `seq` no longer has the hash an earlier verify
   * printed for it: the chain was recomputed from there or before.
   */
  | { kind: 'rewritten'; seq: number };

/** A head printed by an earlier verify, kept outside the database: `seq:hash`. */
export type KnownHead = { seq: number; hash: string };

/** A first row out of order or out of link, as the store finds it. */
export type BrokenRow = {
  seq: number;
  /** Its stored hash, hex. */
  hash: string;
  previousSeq: number | null;
  isLinked: boolean;
  isNextLinked: boolean | null;
};

/** A company's chain in numbers: its events, its last one, and its head row. */
export type ChainSummary = {
  events: number;
  last: { seq: number; hash: string } | null;
  head: { seq: number; hash: string } | null;
};

export type AuditVerification =
  | { ok: true; events: number; head: { seq: number; hash: string } | null }
  | { ok: false; events: number; broken: ChainBreak };

/**
 * Reads the checks into one verdict. A row out of sequence is reported before a
 * row out of link (a missing event also breaks the next one's link); the head is
 * checked last, once every row links to the one before it.
 */
export function judgeChain(
  firstBroken: BrokenRow | undefined,
  summary: ChainSummary,
): AuditVerification {
  const { events, last } = summary;
  // A head at seq 0 is a company whose first append is being made, or was rolled back.
  const head = summary.head !== null && summary.head.seq > 0 ? summary.head : null;
  if (firstBroken !== undefined && head !== null && firstBroken.seq > head.seq) {
    return { ok: false, events, broken: { kind: 'unchained', seq: head.seq + 1 } };
  }
  if (firstBroken !== undefined) {
    const expected = (firstBroken.previousSeq ?? 0) + 1;
    if (firstBroken.seq !== expected) {
      return {
        ok: false,
        events,
        broken: { kind: 'missing', from: expected, to: firstBroken.seq - 1 },
      };
    }
    // The stored hash is intact when what follows it (the next event, or the head
    // for the last one) still links to it.
    const isHashIntact = firstBroken.isNextLinked ?? firstBroken.hash === head?.hash;
    return {
      ok: false,
      events,
      broken: { kind: 'altered', seq: firstBroken.seq, part: isHashIntact ? 'content' : 'hash' },
    };
  }
  if (last === null) {
    return head === null
      ? { ok: true, events, head: null }
      : { ok: false, events, broken: { kind: 'missing', from: 1, to: head.seq } };
  }
  if (head === null) {
    return { ok: false, events, broken: { kind: 'head_missing', seq: 1 } };
  }
  if (last.seq < head.seq) {
    return { ok: false, events, broken: { kind: 'missing', from: last.seq + 1, to: head.seq } };
  }
  if (last.seq > head.seq) {
    return { ok: false, events, broken: { kind: 'unchained', seq: head.seq + 1 } };
  }
  if (last.hash !== head.hash) {
    return { ok: false, events, broken: { kind: 'head_mismatch', seq: last.seq } };
  }
  return { ok: true, events, head };
}

/** The first broken event's number. */
export function brokenSeq(broken: ChainBreak): number {
  return broken.kind === 'missing' ? broken.from : broken.seq;
}

/**
 * One sentence for people (the CLI, and the `message` of `audit verify --json`) in
 * `language`, naming the first broken event.
 */
export function describeChainBreak(broken: ChainBreak, language: Language): string {
  switch (broken.kind) {
    case 'missing':
      return cliOutputWord(language, 'chainMissing', {
        count: broken.to - broken.from + 1,
        from: broken.from,
        to: broken.to,
      });
    case 'altered':
      return cliOutputWord(language, `chainAltered_${broken.part}`, { seq: broken.seq });
    case 'unchained':
      return cliOutputWord(language, 'chainUnchained', { seq: broken.seq });
    case 'head_mismatch':
      return cliOutputWord(language, 'chainHeadMismatch', { seq: broken.seq });
    case 'head_missing':
      return cliOutputWord(language, 'chainHeadMissing');
    case 'rewritten':
      return cliOutputWord(language, 'chainRewritten', { seq: broken.seq });
  }
}

/**
 * Checks an intact chain against a head recorded earlier: the event at that seq
 * must still exist with that hash (`hashNow`: its hash now, or undefined).
 */
export function checkKnownHead(
  verdict: AuditVerification,
  known: KnownHead,
  hashNow: string | undefined,
): AuditVerification {
  if (!verdict.ok || hashNow === known.hash.toLowerCase()) {
    return verdict;
  }
  return {
    ok: false,
    events: verdict.events,
    broken:
      hashNow === undefined
        ? { kind: 'missing', from: known.seq, to: known.seq }
        : { kind: 'rewritten', seq: known.seq },
  };
}
