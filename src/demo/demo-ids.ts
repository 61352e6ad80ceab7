import { fmix32, mixSeed } from './random.ts';

/** The record types that get ids; each counts on its own. */
export type DemoIdKind =
  | 'customer'
  | 'contact'
  | 'invoice'
  | 'payment'
  | 'allocation'
  | 'department'
  | 'dispute'
  | 'dispute_comment';

const KIND_TAGS: Record<DemoIdKind, number> = {
  customer: 1,
  contact: 2,
  invoice: 3,
  payment: 4,
  allocation: 5,
  department: 6,
  dispute: 7,
  dispute_comment: 8,
};

/** Hands out the next id of a kind. */
export type DemoIdFactory = { next(kind: DemoIdKind): string };

const HEX_CODES = Array.from({ length: 16 }, (_, digit) => digit.toString(16).charCodeAt(0));
const DASH = 45;
// Where each of the 32 hex digits goes in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
const DIGIT_POSITIONS = Array.from({ length: 32 }, (_, digit) =>
  digit < 8
    ? digit
    : digit < 12
      ? digit + 1
      : digit < 16
        ? digit + 2
        : digit < 20
          ? digit + 3
          : digit + 4,
);

/**
 * Writes four 32-bit words as a UUID. Built from char codes in one call rather than
 * by concatenation: a concatenated id is a rope of ~15 heap objects, and at size L
 * the generator makes three million of them (measured 6× slower, mostly in GC).
 */
function formatUuid(codes: number[], a: number, b: number, c: number, d: number): string {
  writeWord(codes, 0, a);
  writeWord(codes, 8, b);
  writeWord(codes, 16, c);
  writeWord(codes, 24, d);
  return String.fromCharCode(...codes);
}

function writeWord(codes: number[], firstDigit: number, word: number): void {
  for (let digit = 0; digit < 8; digit++) {
    const nibble = (word >>> (28 - 4 * digit)) & 0xf;
    codes[DIGIT_POSITIONS[firstDigit + digit] ?? 0] = HEX_CODES[nibble] ?? DASH;
  }
}

/**
 * Deterministic UUIDs (version 4 syntax, RFC 9562 variant) from the seed and a
 * per-kind counter. `(kind tag, counter)` goes through a 4-round Feistel network
 * keyed by the seed: a Feistel network is a bijection whatever its round function,
 * so two different (kind, counter) pairs can never give the same first and last
 * 32 bits, and ids cannot collide across record types. The middle 64 bits are
 * hashed from those and carry the version and variant bits. The ids look random
 * (no visible counter) yet a rerun with the same seed gives the same ones.
 */
export function createIdFactory(seed: number): DemoIdFactory {
  const keys = [0, 1, 2, 3, 4, 5].map((round) => mixSeed(seed, 0x1d5, round));
  const [k0 = 0, k1 = 0, k2 = 0, k3 = 0, k4 = 0, k5 = 0] = keys;
  const codes = Array.from({ length: 36 }, () => DASH);
  const counters: Record<DemoIdKind, number> = {
    customer: 0,
    contact: 0,
    invoice: 0,
    payment: 0,
    allocation: 0,
    department: 0,
    dispute: 0,
    dispute_comment: 0,
  };
  return {
    next(kind) {
      const counter = counters[kind];
      counters[kind] = counter + 1;
      // Four Feistel rounds, unrolled: (l, r) → (r, l ^ F(r)).
      const l0 = KIND_TAGS[kind];
      const r0 = counter >>> 0;
      const r1 = (l0 ^ fmix32(r0 ^ k0)) >>> 0;
      const r2 = (r0 ^ fmix32(r1 ^ k1)) >>> 0;
      const left = (r1 ^ fmix32(r2 ^ k2)) >>> 0;
      const right = (r2 ^ fmix32(left ^ k3)) >>> 0;
      const middle = fmix32(left ^ k4);
      const clock = fmix32(right ^ k5);
      // Version 4 in the 13th hex digit, variant 0b10 in the top bits of the 17th.
      const versioned = ((middle & 0xffff_0fff) | 0x0000_4000) >>> 0;
      const varied = ((clock & 0x3fff_ffff) | 0x8000_0000) >>> 0;
      return formatUuid(codes, left, versioned, varied, right);
    },
  };
}
