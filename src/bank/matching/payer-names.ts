/**
 * Who paid, from the name the bank gives for the payer: the words that tell a company or a
 * person apart, how alike two names are, and an index that finds the customers a payer
 * name may be among tens of thousands. Banks write names their own way — upper case,
 * without accents, legal form moved or dropped, cut at 35 characters (CFONB, many camt
 * exports) — so names are compared by their distinctive words, not as strings.
 *
 * Pure (HOUSE_STYLE §3): names in, scores out.
 */
import { foldCase, withinOneEdit } from './reference-keys.ts';

/**
 * Words that say nothing about who the payer is: legal forms, "company" and "establishment"
 * in their abbreviations, civilities (`M OU MME`, how banks name a joint account), articles,
 * and the `L`/`D` left by an elided `L'`/`D'`. Beyond the brief's list: ETABLISSEMENT,
 * SELAS, SCP, SCEA, EARL, GAEC, GIE, SCOP, MONSIEUR, MADAME, MADEMOISELLE, MM, MLE, OU,
 * AU, AUX.
 */
const DROPPED_WORDS = new Set([
  'SA',
  'SAS',
  'SASU',
  'SARL',
  'EURL',
  'SNC',
  'SCI',
  'SELARL',
  'SELAS',
  'SCP',
  'SCEA',
  'EARL',
  'GAEC',
  'GIE',
  'SCOP',
  'STE',
  'SOC',
  'SOCIETE',
  'ETS',
  'ETABLISSEMENT',
  'ETABLISSEMENTS',
  'CIE',
  'M',
  'MM',
  'MR',
  'MME',
  'MLLE',
  'MLE',
  'MONSIEUR',
  'MADAME',
  'MADEMOISELLE',
  'ET',
  'OU',
  'DE',
  'DU',
  'DES',
  'AU',
  'AUX',
  'LA',
  'LE',
  'LES',
  'L',
  'D',
]);

/** Initials written with dots (`S.A.R.L.`, `S.A.S`), whose dots are removed to make a word. */
const DOTTED_INITIALS = /(?<![A-Z0-9])[A-Z](?:\.[A-Z])+\.?(?![A-Z0-9])/g;

/**
 * The words of a company or person name that tell it apart: upper case ASCII, accents
 * stripped (`Œ` and `Æ` spelt out), dotted initials joined (`S.A.R.L.` → `SARL`), any
 * other character a space, the words of `DROPPED_WORDS` removed, each word once, in order.
 * `SARL Boulangerie Martin & Fils` and `BOULANGERIE MARTIN ET FILS` both give
 * `['BOULANGERIE', 'MARTIN', 'FILS']`.
 */
export function nameWords(name: string): string[] {
  const folded = foldCase(name)
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE')
    .replace(DOTTED_INITIALS, (initials) => initials.replace(/\./g, ''));
  const words = folded
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '' && !DROPPED_WORDS.has(word));
  return [...new Set(words)];
}

/** What a name is compared by, computed once per name. */
type NameProfile = {
  words: readonly string[];
  wordSet: ReadonlySet<string>;
  /**
   * The character bigrams of the words joined by one space, each as one number (its two
   * UTF-16 code units), sorted: a multiset two names intersect by one merge, with no
   * string made per bigram, as an index scores names by the thousand.
   */
  bigrams: Uint32Array;
};

function profileOf(words: readonly string[]): NameProfile {
  const joined = words.join(' ');
  const bigrams = new Uint32Array(Math.max(joined.length - 1, 0));
  for (let index = 0; index < bigrams.length; index += 1) {
    bigrams[index] = joined.charCodeAt(index) * 0x10000 + joined.charCodeAt(index + 1);
  }
  return { words, wordSet: new Set(words), bigrams: bigrams.sort() };
}

/** What a name whose words are all found in the other counts as (see `nameSimilarity`). */
const CONTAINED_SIMILARITY = 0.9;

/**
 * The most two different sets of words can score: Dice's coefficient can reach 1 for
 * different words with the same bigrams (`ABA` and `BAB`), and 1 must mean the same name.
 */
const DIFFERENT_WORDS_CEILING = 0.99;

/**
 * How alike two names are (each given as `nameWords`), in [0, 1]; symmetric.
 * - 1 exactly when they have the same words, in any order; 0 when either has none.
 * - Otherwise the Sørensen–Dice coefficient over the character bigrams of each name's
 *   words joined by one space: 2 × shared bigrams / (bigrams of one + bigrams of the other).
 * - But at least 0.9 when one name's words are all found among the other's, as banks cut
 *   names at 35 characters and drop words (`TRANSPORTS DUPONT` for
 *   `STE NOUVELLE DES TRANSPORTS DUPONT`). A word is found when it is there, or one edit
 *   away if it has 5+ letters (`DUPOND` for `DUPONT`); the name's last word, cut short,
 *   is found too when it begins a word of the other (`FRE` for `FRERES`) and is not the
 *   name's only word. The contained name needs at least 2 words or a word of 6+ letters:
 *   one short word (`BTP`, `CAFE`) is found in too many names to say who paid.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  return similarityOf(profileOf(a), profileOf(b));
}

function similarityOf(a: NameProfile, b: NameProfile): number {
  if (a.words.length === 0 || b.words.length === 0) {
    return 0;
  }
  if (a.wordSet.size === b.wordSet.size && isEveryWordIn(a.words, b.wordSet)) {
    return 1;
  }
  const dice = Math.min(diceCoefficient(a, b), DIFFERENT_WORDS_CEILING);
  return isContainedIn(a, b) || isContainedIn(b, a) ? Math.max(dice, CONTAINED_SIMILARITY) : dice;
}

function isEveryWordIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const word of words) {
    if (!set.has(word)) {
      return false;
    }
  }
  return true;
}

function diceCoefficient(a: NameProfile, b: NameProfile): number {
  const total = a.bigrams.length + b.bigrams.length;
  if (total === 0) {
    return 0;
  }
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.bigrams.length && j < b.bigrams.length) {
    const x = a.bigrams[i] ?? 0;
    const y = b.bigrams[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return (2 * shared) / total;
}

function isContainedIn(name: NameProfile, other: NameProfile): boolean {
  const { words } = name;
  if (words.length < 2 && !words.some((word) => word.length >= 6)) {
    return false;
  }
  const last = words.length - 1;
  for (let index = 0; index <= last; index += 1) {
    const word = words[index] ?? '';
    const isFound =
      other.wordSet.has(word) ||
      (word.length >= 5 && other.words.some((candidate) => withinOneEdit(word, candidate))) ||
      (index === last &&
        index > 0 &&
        word.length >= 2 &&
        other.words.some((candidate) => candidate.startsWith(word)));
    if (!isFound) {
      return false;
    }
  }
  return true;
}

/**
 * How many customers may hold a key for it to be indexed: `maxShare` of them, but at most
 * 200, and never fewer than 20, as 2 % of a list of 100 customers is 2, which would leave
 * a small company's index nearly empty, and scoring 20 candidates costs nothing.
 */
const HOLDERS_LIMIT_CEILING = 200;
const HOLDERS_LIMIT_FLOOR = 20;

/**
 * The word beginnings indexed, so that a name one edit away after its first letters
 * (`DUPOND` for `DUPONT`), or cut short by the bank (`MART` for `MARTIN`), still meets the
 * customer's name: 4 letters, or more (up to 6) where 4 are too common (`GARA…`, which
 * every `GARAGE` holds, but `GARAB…` is rare).
 */
const SHORTEST_PREFIX = 4;
const LONGEST_PREFIX = 6;

/** A word of a customer's name, as held under its first letters. */
type PrefixPosting = { customer: number; word: string };

/**
 * Finds customers by payer name among tens of thousands, in microseconds a name: an
 * inverted index from each word of the customers' names (`nameWords`) to the customers
 * holding it, and from the first 4 letters of each longer word to those words (5 or 6
 * letters where 4 are too common). A payer name's candidates are the customers holding
 * one of its words, or a word within one edit of one of its words or beginning with it
 * (found through the first letters); only the candidates are scored with `nameSimilarity`.
 *
 * A key (word or first letters) held by more than `maxShare` (default 0.02) of the
 * customers, or by more than 200, is not indexed, as too common to tell anyone apart
 * (`TRANSPORTS`, `MARTIN` in a large ledger) and too costly to score; but a key held by 20
 * or fewer always is, or a small ledger would index nothing (2 % of 100 is 2). So a
 * customer sharing no indexed key with the payer name is not found even if it would score,
 * and a payer name made only of common words (`TRANSPORTS MARTIN`) finds nobody: the
 * matcher then relies on the references or the IBAN.
 */
export class PayerNameIndex {
  /** A name's profile is made the first time it is scored: most names never are. */
  readonly #customers: readonly { id: string; words: readonly string[]; profile?: NameProfile }[];
  readonly #customersByWord = new Map<string, number[]>();
  /**
   * Keyed by two of a name's words, in either order: in a big ledger each common surname
   * is too common to index alone (GAUTHIER, ROYER), while the pair still names a few.
   */
  readonly #customersByPair = new Map<string, number[]>();
  /** Keyed by 4 to 6 first letters; a word is under the shortest that is not too common. */
  readonly #wordsByPrefix = new Map<string, PrefixPosting[]>();

  constructor(customers: readonly { id: string; name: string }[], options?: { maxShare?: number }) {
    const maxShare = options?.maxShare ?? 0.02;
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new RangeError(`maxShare must be a share from 0 to 1: ${maxShare}`);
    }
    this.#customers = customers.map((customer) => ({
      id: customer.id,
      words: nameWords(customer.name),
    }));
    const limit = Math.min(
      HOLDERS_LIMIT_CEILING,
      Math.max(HOLDERS_LIMIT_FLOOR, maxShare * customers.length),
    );
    const postings: PrefixPosting[] = [];
    this.#customers.forEach((customer, index) => {
      for (const word of customer.words) {
        append(this.#customersByWord, word, index);
        postings.push({ customer: index, word });
      }
      for (const pair of wordPairs(customer.words)) {
        append(this.#customersByPair, pair, index);
      }
    });
    for (const index of [this.#customersByWord, this.#customersByPair]) {
      for (const [key, holders] of index) {
        if (holders.length > limit) {
          index.delete(key);
        }
      }
    }
    this.#indexPrefixes(postings, SHORTEST_PREFIX, limit);
  }

  /** Files each word longer than `length` under its first `length` letters, or longer ones if too common. */
  #indexPrefixes(postings: readonly PrefixPosting[], length: number, limit: number): void {
    const byPrefix = new Map<string, PrefixPosting[]>();
    for (const posting of postings) {
      if (posting.word.length > length) {
        append(byPrefix, posting.word.slice(0, length), posting);
      }
    }
    for (const [prefix, held] of byPrefix) {
      if (held.length <= limit) {
        this.#wordsByPrefix.set(prefix, held);
      } else if (length < LONGEST_PREFIX) {
        this.#indexPrefixes(held, length + 1, limit);
      }
    }
  }

  /**
   * The customers whose name scores at least `minSimilarity` (default 0.6) against `name`,
   * best first, ties by id, at most `limit` (default 3). Only the candidates the index
   * gives are scored (see the class).
   */
  find(
    name: string,
    options?: { minSimilarity?: number; limit?: number },
  ): { customerId: string; similarity: number }[] {
    const minSimilarity = options?.minSimilarity ?? 0.6;
    const limit = options?.limit ?? 3;
    const profile = profileOf(nameWords(name));
    const candidates = new Set<number>();
    for (const word of profile.words) {
      for (const customer of this.#customersByWord.get(word) ?? []) {
        candidates.add(customer);
      }
      for (const posting of this.#wordsNear(word)) {
        candidates.add(posting.customer);
      }
    }
    for (const pair of wordPairs(profile.words)) {
      for (const customer of this.#customersByPair.get(pair) ?? []) {
        candidates.add(customer);
      }
    }
    const found: { customerId: string; similarity: number }[] = [];
    for (const index of candidates) {
      const customer = this.#customers[index];
      if (customer === undefined) {
        continue;
      }
      customer.profile ??= profileOf(customer.words);
      const similarity = similarityOf(profile, customer.profile);
      if (similarity >= minSimilarity) {
        found.push({ customerId: customer.id, similarity });
      }
    }
    found.sort((a, b) =>
      a.similarity === b.similarity
        ? compareText(a.customerId, b.customerId)
        : b.similarity - a.similarity,
    );
    return found.slice(0, limit);
  }

  /**
   * The indexed words beginning with `word` or one edit from it, among those filed under
   * its first letters: the shortest prefix of it that is indexed (4, else 5, else 6 letters).
   */
  #wordsNear(word: string): PrefixPosting[] {
    for (
      let length = SHORTEST_PREFIX;
      length <= Math.min(LONGEST_PREFIX, word.length);
      length += 1
    ) {
      const held = this.#wordsByPrefix.get(word.slice(0, length));
      if (held !== undefined) {
        return held.filter(
          (posting) => posting.word.startsWith(word) || withinOneEdit(word, posting.word),
        );
      }
    }
    return [];
  }
}

/** Words a pair key is made of, at most: a name's first words tell it apart. */
const PAIRED_WORDS = 5;

/** Every two of the first words, each pair once and in a fixed order. */
function wordPairs(words: readonly string[]): string[] {
  const first = [...new Set(words.slice(0, PAIRED_WORDS))].sort((a, b) => a.localeCompare(b));
  return first.flatMap((word, index) => first.slice(index + 1).map((other) => `${word} ${other}`));
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key);
  if (values === undefined) {
    map.set(key, [value]);
  } else {
    values.push(value);
  }
}

/** Code-unit order, the same on every machine (ids are compared, not shown). */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
