/**
 * The invoice numbers a payer wrote in a bank line's remittance information, reduced to
 * keys that survive the ways payers rewrite a number: `F-230875`, `f 0230875`,
 * `FACT N° 230875` and `230875` all come down to the digits `230875`. The matcher
 * compares these keys with the keys of the open invoices (`documentNumberKey` on both
 * sides), and forgives one slip of the keyboard with `withinOneEdit`.
 *
 * Pure (HOUSE_STYLE §3): text in, keys out.
 */

/** A document number reduced to what survives the ways payers rewrite it. */
export type NumberKey = { letters: string; digits: string };

/**
 * Fewer significant digits than this say too little: `F-0012` is as likely a quantity or
 * a day as invoice 12, and two-digit numbers collide across a ledger.
 */
const MIN_SIGNIFICANT_DIGITS = 3;

/**
 * Upper case with the accents stripped (NFD, then the combining marks dropped), so that
 * `Réf` and `REF` compare equal. Upper-casing comes first because it can itself produce a
 * combining mark (`ǰ` → `J̌`). Shared with `payer-names.ts`, which folds names the same way.
 */
export function foldCase(text: string): string {
  const upper = text.toUpperCase();
  // Most names and numbers are plain ASCII: nothing to decompose, and 100,000 of them are read per run.
  return ASCII.test(upper) ? upper : upper.normalize('NFD').replace(/\p{M}/gu, '');
}

const ASCII = /^[\x20-\x7E]*$/;

/**
 * A document number's key: its ASCII letters (after `foldCase`) in order, and all its
 * digits with the leading zeros removed, since payers drop, add and space them freely
 * (`F230875`, `F-230875`, `f 0230875` and `230875` all have the digits `230875`;
 * `FA-2023-00875` is `{ letters: 'FA', digits: '202300875' }`). `undefined` when fewer
 * than 3 significant digits remain (`F-0012`): such a number cannot be told from noise.
 */
export function documentNumberKey(number: string): NumberKey | undefined {
  const folded = foldCase(number);
  const digits = folded.replace(/\D/g, '').replace(/^0+/, '');
  if (digits.length < MIN_SIGNIFICANT_DIGITS) {
    return undefined;
  }
  return { letters: folded.replace(/[^A-Z]/g, ''), digits };
}

/**
 * A key as one string (`FA202300875`), to index and compare keys by. Letters and digits
 * never mix, so the concatenation is unambiguous.
 */
export function numberKeyText(key: NumberKey): string {
  return key.letters + key.digits;
}

/** One candidate reference read from a bank line's remittance information. */
export type ReferenceCandidate = { text: string; key: NumberKey };

/**
 * Words of 1–3 letters that are not a numbering prefix, so are never glued to the number
 * that follows them (`REF 230875` is the number `230875`, not `REF230875`): markers of a
 * number, French articles and prepositions, and what banks write before a payment.
 * Real prefixes (`F`, `FA`, `FAC`, `INV`) are left out on purpose.
 */
const NOT_A_PREFIX = new Set([
  'N',
  'NO',
  'NR',
  'NUM',
  'REF',
  'D',
  'L',
  'DE',
  'DU',
  'ET',
  'LE',
  'LA',
  'LES',
  'DES',
  'AU',
  'AUX',
  'EN',
  'PAR',
  'SUR',
  'EUR',
  'VIR',
  'SCT',
]);

/** Written in place of what is masked before tokens are read; a separator, but not a space. */
const HIDDEN = '\u0001';

/**
 * `n°` (or `nº`, `n˚`, any case) anywhere, and `No.` as a word of its own (`INFO.123`
 * keeps its `NO`).
 * Replaced by spaces, so the prefix before a marker still glues: `FA n°230875` is `FA 230875`.
 */
const NUMBER_MARKER = /N[°º˚]|(?<![\p{L}\p{N}])NO\./giu;

/**
 * What may not touch an amount or a date on either side: a letter or digit, or a joiner
 * that makes it part of a token (`F-2023.12` is a number, `12/03/2024` a date).
 */
const BEFORE = String.raw`(?<![\p{L}\p{N}\-/._])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|[\-/._][\p{L}\p{N}])`;

/**
 * An amount: digits with a decimal mark and exactly two decimals, thousands optionally
 * grouped (`1 250,00`, `1.250,00`, `1,250.00`), a sign, and `EUR` or `€` on either side
 * (`1250.00EUR`). A payer often writes the amount next to the invoice number, and its
 * digits (`125000`) would otherwise pass for one.
 */
const AMOUNT = new RegExp(
  BEFORE +
    String.raw`(?:(?:EUR|€)\s?)?[-+]?(?:\d{1,3}(?:[\s.'’]\d{3})+,\d{2}|\d{1,3}(?:[\s,'’]\d{3})+\.\d{2}|\d+[.,]\d{2})(?:\s?(?:EUR|€))?` +
    AFTER,
  'giu',
);

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';

/**
 * A date: day, month, year of 2 or 4 digits (`15/03/2024`, `15-03-2024`, `15.03.24`), or
 * year, month, day (`2024-03-15`), with one separator kind (`-`, `/` or `.`) and a day and
 * month in range. Payers date their payments in the text; a date is never an invoice number.
 */
const DATE = new RegExp(
  `${BEFORE}(?:${DAY}([-/.])${MONTH}\\1(?:\\d{4}|\\d{2})|\\d{4}([-/.])${MONTH}\\2${DAY})${AFTER}`,
  'gu',
);

/** Two letters, two digits, then 10+ letters or digits: the payer's or our own IBAN. */
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,}$/;

/** An ISO 11649 creditor reference in electronic form: `RF`, two check digits, 1–21 characters. */
const CREDITOR_REFERENCE = /^RF\d{2}[A-Z0-9]{1,21}$/;

/** A whole text that is a creditor reference in print: `RF18 5390 0754 7034`. */
const PRINTED_CREDITOR_REFERENCE = /^\s*RF\d{2}(?:\s[A-Z0-9]{4})*(?:\s[A-Z0-9]{1,4})?\s*$/i;

/** A run of letters, digits and the joiners `-` `/` `.` `_`; everything else separates tokens. */
const TOKEN = /[\p{L}\p{M}\p{N}\-/._]+/gu;

const JOINERS = /[-/._]/g;

type Token = { text: string; start: number; end: number };

/**
 * Every candidate invoice number in the texts (the unstructured remittance text, then the
 * structured references), each key once (the first text wins), in order of appearance.
 *
 * Read as follows, so that the candidates are the numbers and not the words around them:
 * 1. `n°`/`No.` markers, amounts and dates (see `AMOUNT`, `DATE`) are masked.
 * 2. Tokens are runs of letters, digits and the joiners `- / . _` (`F-2023/0875`), joiners
 *    at either end dropped (`230875.`); anything else separates them: spaces,
 *    `, ; : ( ) [ ] " ' +`, and any other punctuation (`#`, `=`, `&`, `°`…).
 * 3. A token of 1–3 letters that is not in `NOT_A_PREFIX` is glued to the token after it
 *    when that one starts with a digit and only spaces stand between them (and the joiners
 *    trimmed off their ends, or a masked marker): `F 230875`, `F. 230875` and `FA n°230875`
 *    are one candidate each, with the letters; the bare digits are not added as well.
 * 4. A token without a digit is never a candidate (`FACTURE`, `VIREMENT`).
 * 5. A creditor reference (`RF18539007547034`, check digits verified) gives the part after
 *    its first 4 characters (`539007547034`); an IBAN-looking token gives nothing.
 * 6. Only the tokens with a key (`documentNumberKey`: 3+ significant digits) remain.
 *
 * A text that is a creditor reference in its printed form, in groups of 4
 * (`RF18 5390 0754 7034`), is read as that one reference.
 */
export function referenceCandidates(
  texts: readonly (string | null | undefined)[],
): ReferenceCandidate[] {
  const candidates: ReferenceCandidate[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    if (text === null || text === undefined) {
      continue;
    }
    for (const candidate of candidatesOf(text)) {
      const id = numberKeyText(candidate.key);
      if (!seen.has(id)) {
        seen.add(id);
        candidates.push(candidate);
      }
    }
  }
  return candidates;
}

function candidatesOf(text: string): ReferenceCandidate[] {
  const printedReference = PRINTED_CREDITOR_REFERENCE.test(text)
    ? creditorReferenceBody(text.replace(/\s+/g, ''))
    : undefined;
  if (printedReference !== undefined) {
    return candidate(printedReference);
  }
  const masked = text
    .replace(NUMBER_MARKER, (marker) => ' '.repeat(marker.length))
    .replace(AMOUNT, (amount) => HIDDEN.repeat(amount.length))
    .replace(DATE, (date) => HIDDEN.repeat(date.length));
  const candidates: ReferenceCandidate[] = [];
  let prefix: Token | undefined;
  for (const token of tokensOf(masked, text)) {
    const folded = foldCase(token.text);
    if (!/\d/.test(folded)) {
      const letters = folded.replace(JOINERS, '');
      prefix = /^[A-Z]{1,3}$/.test(letters) && !NOT_A_PREFIX.has(letters) ? token : undefined;
      continue;
    }
    const referenceBody = creditorReferenceBody(folded);
    if (referenceBody !== undefined) {
      candidates.push(...candidate(referenceBody));
    } else if (!IBAN_SHAPE.test(folded)) {
      const gluedTo =
        prefix !== undefined &&
        /^\d/.test(folded) &&
        /^[\s\-/._]+$/.test(masked.slice(prefix.end, token.start))
          ? prefix
          : undefined;
      candidates.push(
        ...candidate(gluedTo === undefined ? token.text : `${gluedTo.text} ${token.text}`),
      );
    }
    prefix = undefined;
  }
  return candidates;
}

/** The tokens of `masked`, their text read from `original` (the same offsets). */
function tokensOf(masked: string, original: string): Token[] {
  const tokens: Token[] = [];
  for (const match of masked.matchAll(TOKEN)) {
    const leading = /^[-/._]*/.exec(match[0])?.[0].length ?? 0;
    const trailing = /[-/._]*$/.exec(match[0])?.[0].length ?? 0;
    const start = match.index + leading;
    const end = match.index + match[0].length - trailing;
    if (end > start) {
      tokens.push({ text: original.slice(start, end), start, end });
    }
  }
  return tokens;
}

function candidate(text: string): ReferenceCandidate[] {
  const key = documentNumberKey(text);
  return key === undefined ? [] : [{ text, key }];
}

/**
 * The body of a creditor reference (what follows `RF` and its check digits), when `text`
 * is one whose ISO 7064 MOD 97-10 check holds: the first 4 characters moved to the end,
 * letters counted A = 10 … Z = 35, the number mod 97 is 1. The check keeps a document
 * numbered `RF2023001` a document number.
 */
function creditorReferenceBody(text: string): string | undefined {
  const upper = text.toUpperCase();
  if (!CREDITOR_REFERENCE.test(upper)) {
    return undefined;
  }
  const rearranged = upper.slice(4) + upper.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder === 1 ? text.slice(4) : undefined;
}

/**
 * Whether `a` and `b` are at most one edit apart in the optimal-string-alignment sense:
 * equal, or one substitution, insertion, deletion, or swap of two adjacent characters
 * (`230875` ~ `230785`, the commonest slip when a number is typed by hand). Linear, in
 * UTF-16 code units; the keys it compares are ASCII.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  let first = 0;
  while (first < shorter.length && shorter[first] === longer[first]) {
    first += 1;
  }
  if (shorter.length < longer.length) {
    // One insertion at `first`: the rest of the longer, past it, is the rest of the shorter.
    return sameFrom(shorter, first, longer, first + 1);
  }
  if (sameFrom(a, first + 1, b, first + 1)) {
    return true;
  }
  return (
    a[first] === b[first + 1] && a[first + 1] === b[first] && sameFrom(a, first + 2, b, first + 2)
  );
}

/** Whether `a` from `fromA` and `b` from `fromB` are the same to their ends. */
function sameFrom(a: string, fromA: number, b: string, fromB: number): boolean {
  if (a.length - fromA !== b.length - fromB) {
    return false;
  }
  for (let offset = 0; fromA + offset < a.length; offset += 1) {
    if (a[fromA + offset] !== b[fromB + offset]) {
      return false;
    }
  }
  return true;
}
