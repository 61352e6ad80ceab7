import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayerNameIndex, nameSimilarity, nameWords } from './payer-names.ts';

/** The similarity of two names as written, the way the matcher compares them. */
function similarity(a: string, b: string): number {
  return nameSimilarity(nameWords(a), nameWords(b));
}

/** Deterministic pseudo-random numbers (a linear congruential generator), for generated ledgers. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('nameWords', () => {
  it.each([
    ['SARL Boulangerie Martin & Fils', ['BOULANGERIE', 'MARTIN', 'FILS']],
    ['BOULANGERIE MARTIN ET FILS', ['BOULANGERIE', 'MARTIN', 'FILS']],
    ['STE NOUVELLE DES TRANSPORTS DUPONT', ['NOUVELLE', 'TRANSPORTS', 'DUPONT']],
    ['Transports Dupont SAS', ['TRANSPORTS', 'DUPONT']],
    ['Ets Lefèvre-Dubois', ['LEFEVRE', 'DUBOIS']],
    ['Société Générale', ['GENERALE']],
    ['Café de la Gare', ['CAFE', 'GARE']],
    // Elisions leave an L or a D, dropped; Œ and Æ are spelt out.
    ["S.A.R.L. L'Atelier d'Œuvres", ['ATELIER', 'OEUVRES']],
    ['Æsop et Cie', ['AESOP']],
    // Dotted initials make a word: a legal form, dropped, or initials, kept.
    ['Dupont S.A.S', ['DUPONT']],
    ['J.P. Martin', ['JP', 'MARTIN']],
    // How banks name a joint account, and civilities.
    ['M OU MME MARTIN PIERRE', ['MARTIN', 'PIERRE']],
    ['Mlle Sophie Durand', ['SOPHIE', 'DURAND']],
    ['MONSIEUR JEAN-LUC ROUX', ['JEAN', 'LUC', 'ROUX']],
    // Every legal form of the list, in any case.
    ['sa sas sasu sarl eurl snc sci selarl ste soc societe ets etablissements cie Roux', ['ROUX']],
    // Digits are part of words; punctuation of any kind separates them.
    ['3D Services (2000)', ['3D', 'SERVICES', '2000']],
    ['Dupont/Durand, Associés', ['DUPONT', 'DURAND', 'ASSOCIES']],
    // Each word once, in order of first appearance.
    ['Dupont et Dupont', ['DUPONT']],
    ['SARL', []],
    ['', []],
    ['  -- & --  ', []],
  ])('%j → %j', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });

  it('property: words are distinct, upper-case ASCII letters and digits, and reading them again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const words = nameWords(name);
        expect(new Set(words).size).toBe(words.length);
        for (const word of words) {
          expect(word).toMatch(/^[A-Z0-9]+$/);
        }
        expect(nameWords(words.join(' '))).toEqual(words);
      }),
    );
  });
});

describe('nameSimilarity', () => {
  it.each([
    // The same words, in any order, whatever the legal form and filler words.
    ['SARL Boulangerie Martin & Fils', 'BOULANGERIE MARTIN ET FILS', 1],
    ['Pierre Martin', 'M OU MME MARTIN PIERRE', 1],
    ['Dupont Transports', 'TRANSPORTS DUPONT SARL', 1],
    // A name whose words are all among the other's: the bank dropped some.
    ['STE NOUVELLE DES TRANSPORTS DUPONT', 'Transports Dupont SAS', 0.9],
    // One edit in a word of 5+ letters is forgiven.
    ['DUPONT MENUISERIE', 'DUPOND MENUISERIE', 0.9],
    // (Dice alone: BE ER RT of 5 bigrams each, 6 / 10.)
    ['Bertin', 'BERTON', 0.9],
    // A single word of 6+ letters is enough to be contained…
    ['Garage Martin', 'MARTIN', 0.9],
  ])('%j ~ %j: %s', (a, b, expected) => {
    expect(similarity(a, b)).toBe(expected);
    expect(similarity(b, a)).toBe(expected);
  });

  it.each([
    // Dice: 2 × shared bigrams / all bigrams. `DUPONT F` has 7 (DU UP PO ON NT `T ` ` F`),
    // all in `DUPONT FABRICE`'s 13: 14 / 20. A cut word of one letter is not read as cut.
    ['Dupont F', 'Dupont Fabrice', 14 / 20],
    // …but not one short word: `BTP` (BT TP) shares 2 of `BTP SERVICES`'s 11.
    ['BTP', 'BTP Services', 4 / 13],
    // `CAFE` (3 bigrams) in `CAFE GARE` (8): 6 / 11.
    ['Café', 'Café de la Gare', 6 / 11],
    // A 4-letter word is not forgiven an edit: plain Dice, 12 / 14.
    ['BTP Roux', 'BTP Roud', 12 / 14],
    // A word cut short counts only as a name's last word, after another word.
    ['Transp', 'Transports Dupont', 10 / 21],
  ])('%j ~ %j: Dice %s', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
  });

  it('forgives the bank cutting a name at 35 characters, in the middle of a word', () => {
    const customer = 'TRANSPORTS ET LOGISTIQUE DUPONT FRERES SARL';
    const bank = customer.slice(0, 35);
    expect(bank).toBe('TRANSPORTS ET LOGISTIQUE DUPONT FRE');
    expect(similarity(customer, bank)).toBeGreaterThanOrEqual(0.9);
    // Cut after a whole word, the name is plainly contained (and Dice is higher still).
    expect(
      similarity('Boulangerie Patisserie Martin et Fils', 'BOULANGERIE PATISSERIE MARTIN'),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['Dupont Transports', 'Dupuis Menuiserie'],
    ['Garage Martin', 'Boulangerie Martin'],
    ['Cafe de la Gare', 'Cafe du Port'],
    ['SARL Dubois', 'Dupuis SA'],
    ['Pierre Martin', 'Paul Martinez'],
  ])('%j and %j are different payers: below 0.6', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(0.6);
  });

  it('is 0 when either name has no words left', () => {
    expect(nameSimilarity([], [])).toBe(0);
    expect(nameSimilarity([], ['DUPONT'])).toBe(0);
    expect(similarity('SARL', 'SAS')).toBe(0);
  });

  it('keeps 1 for the same words: different words with the same bigrams score just under', () => {
    expect(nameSimilarity(['ABA'], ['BAB'])).toBe(0.99);
  });

  const word = fc.stringMatching(/^[A-Z0-9]{1,9}$/);
  const words = fc.uniqueArray(word, { maxLength: 5 });

  it('property: in [0, 1], symmetric, and 1 exactly for the same words in any order', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const score = nameSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(score);
        const isSame = a.length > 0 && a.length === b.length && a.every((w) => b.includes(w));
        expect(score === 1).toBe(isSame);
      }),
    );
  });

  it('property: a name is 1 against its own words shuffled, and at least 0.9 against a name with more words', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{6,9}$/), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{2,9}$/), { minLength: 1, maxLength: 3 }),
        (name, more) => {
          expect(nameSimilarity(name, name.toReversed())).toBe(1);
          const longer = [...name, ...more.filter((w) => !name.includes(w))];
          expect(nameSimilarity(name, longer)).toBeGreaterThanOrEqual(0.9);
        },
      ),
    );
  });
});

describe('PayerNameIndex', () => {
  const customers = [
    { id: 'c01', name: 'SARL Boulangerie Martin & Fils' },
    { id: 'c02', name: 'STE NOUVELLE DES TRANSPORTS DUPONT' },
    { id: 'c03', name: 'Dupuis Menuiserie' },
    { id: 'c04', name: 'Garage Martin' },
    { id: 'c05', name: 'Transports et Logistique Dupont Frères SARL' },
    { id: 'c06', name: 'Café de la Gare' },
    { id: 'c07', name: 'Pierre Martin' },
    { id: 'c08', name: 'SARL' },
  ];
  const index = new PayerNameIndex(customers);

  it.each([
    ['BOULANGERIE MARTIN ET FILS', [{ customerId: 'c01', similarity: 1 }]],
    ['M OU MME MARTIN PIERRE', [{ customerId: 'c07', similarity: 1 }]],
    // Contained in two names.
    [
      'TRANSPORTS DUPONT SAS',
      [
        { customerId: 'c02', similarity: 0.9 },
        { customerId: 'c05', similarity: 0.9 },
      ],
    ],
    ['DUPUIS MENUISERIE', [{ customerId: 'c03', similarity: 1 }]],
    // Cut by the bank at 35 characters.
    [
      'TRANSPORTS ET LOGISTIQUE DUPONT FRE',
      [
        { customerId: 'c05', similarity: expect.closeTo(0.954, 3) },
        // Another haulier named Dupont: TRANSPORTS and DUPONT in common, Dice alone.
        { customerId: 'c02', similarity: expect.closeTo(0.607, 3) },
      ],
    ],
    // One edit away, in every word that could be indexed.
    ['DUPUIT MENUISERI', [{ customerId: 'c03', similarity: 0.9 }]],
  ])('finds %j', (name, expected) => {
    expect(index.find(name)).toEqual(expected);
  });

  it('finds nobody for a different payer, or a name with no words left', () => {
    expect(index.find('DURAND PLOMBERIE')).toEqual([]);
    expect(index.find('SARL')).toEqual([]);
    expect(index.find('')).toEqual([]);
  });

  it('ranks best first, ties by id, at most `limit`', () => {
    // `MARTIN` is contained in three names: 0.9 each.
    expect(index.find('MARTIN')).toEqual([
      { customerId: 'c01', similarity: 0.9 },
      { customerId: 'c04', similarity: 0.9 },
      { customerId: 'c07', similarity: 0.9 },
    ]);
    expect(index.find('MARTIN', { limit: 2 }).map((found) => found.customerId)).toEqual([
      'c01',
      'c04',
    ]);
    expect(index.find('GARAGE MARTIN', { minSimilarity: 0 })).toEqual([
      { customerId: 'c04', similarity: 1 },
      { customerId: 'c07', similarity: expect.any(Number) },
      { customerId: 'c01', similarity: expect.any(Number) },
    ]);
  });

  it('keeps only the customers scoring at least `minSimilarity`', () => {
    const transports = index.find('TRANSPORTS DUPONT', { minSimilarity: 0, limit: 10 });
    expect(transports.map((found) => found.customerId)).toEqual(['c02', 'c05']);
    expect(index.find('TRANSPORTS DUPONT', { minSimilarity: 0.91 })).toEqual([]);
  });

  it('scores its candidates exactly as nameSimilarity does', () => {
    for (const found of index.find('GARAGE MARTIN', { minSimilarity: 0, limit: 10 })) {
      const customer = customers.find((candidate) => candidate.id === found.customerId);
      expect(found.similarity).toBe(similarity('GARAGE MARTIN', customer?.name ?? ''));
    }
  });

  describe('does not index the words too common to tell customers apart', () => {
    const hauliers = Array.from({ length: 100 }, (_, n) => ({
      id: `t${String(n).padStart(3, '0')}`,
      name: `Transports ${['Karolin', 'Mirado', 'Belvane', 'Durtal'][n % 4] ?? ''}${n}`,
    }));
    const withDupont = [...hauliers, { id: 'dupont', name: 'Transports Dupont' }];

    it('finds nobody by a word held by more than 2 % of the customers (and more than 20)', () => {
      // `TRANSPORTS` is contained in all 101 names (0.9 each), but held by too many to search by.
      expect(new PayerNameIndex(withDupont).find('TRANSPORTS')).toEqual([]);
      expect(new PayerNameIndex(withDupont).find('TRANSPORTS DUPONT')).toEqual([
        { customerId: 'dupont', similarity: 1 },
      ]);
    });

    it('searches by a common word when `maxShare` allows it', () => {
      const everyone = new PayerNameIndex(withDupont, { maxShare: 1 });
      expect(everyone.find('TRANSPORTS', { limit: 2 })).toEqual([
        { customerId: 'dupont', similarity: 0.9 },
        { customerId: 't000', similarity: 0.9 },
      ]);
    });

    it('never searches by a word held by more than 200 customers, whatever `maxShare` says', () => {
      const many = Array.from({ length: 201 }, (_, n) => ({
        id: `t${n}`,
        name: `Transports X${n}`,
      }));
      expect(new PayerNameIndex(many, { maxShare: 1 }).find('TRANSPORTS')).toEqual([]);
      expect(
        new PayerNameIndex(many.slice(0, 200), { maxShare: 1 }).find('TRANSPORTS'),
      ).toHaveLength(3);
    });

    it('always searches by a word held by 20 customers or fewer, so a small ledger is searchable', () => {
      // 2 % of 8 customers is less than one, yet `MARTIN` (3 of them) is searched by above.
      const twenty = Array.from({ length: 20 }, (_, n) => ({ id: `m${n}`, name: `Martin ${n}` }));
      const others = Array.from({ length: 80 }, (_, n) => ({ id: `o${n}`, name: `Autre${n}` }));
      expect(new PayerNameIndex([...twenty, ...others]).find('MARTIN')).toHaveLength(3);
      const extra = { id: 'm20', name: 'Martin 20' };
      expect(new PayerNameIndex([...twenty, extra, ...others]).find('MARTIN')).toEqual([]);
    });
  });

  it('finds a name one edit away through longer first letters when 4 are too common', () => {
    const garages = Array.from({ length: 30 }, (_, n) => ({ id: `g${n}`, name: `Garage ${n}` }));
    const list = [...garages, { id: 'garabat', name: 'Garage Garabat' }];
    // `GARAGE` and `GARA…` are held by 31 customers: `GARABAT` is filed under `GARAB`.
    expect(new PayerNameIndex(list).find('GARAGE GARABAX')).toEqual([
      // Contained (0.9), and Dice higher still: 12 of 13 bigrams shared each way.
      { customerId: 'garabat', similarity: 24 / 26 },
    ]);
    // So a slip within those 5 letters goes unfound.
    expect(new PayerNameIndex(list).find('GARAGE GARAPAT')).toEqual([]);
  });

  it('refuses a share outside [0, 1]', () => {
    expect(() => new PayerNameIndex([], { maxShare: 1.5 })).toThrow(RangeError);
    expect(() => new PayerNameIndex([], { maxShare: Number.NaN })).toThrow(RangeError);
  });

  it('property: finds a customer by its own name, and every answer agrees with nameSimilarity', () => {
    const name = fc
      .array(
        fc.constantFrom(
          'SARL',
          'Transports',
          'Martin',
          'Dupont',
          'Dupond',
          'Café',
          'Gare',
          'et',
          'Fils',
          'Roux',
          'Bertin',
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 15 }), fc.nat(), (names, pick) => {
        const list = names.map((customerName, n) => ({
          id: `c${String(n).padStart(2, '0')}`,
          name: customerName,
        }));
        const payer = names[pick % names.length] ?? '';
        const found = new PayerNameIndex(list).find(payer, { limit: 20 });
        expect(found[0]?.similarity).toBe(nameWords(payer).length > 0 ? 1 : undefined);
        const nameOf = (id: string) => list.find((customer) => customer.id === id)?.name ?? '';
        expect(found.map((answer) => answer.similarity)).toEqual(
          found.map((answer) => similarity(payer, nameOf(answer.customerId))),
        );
        expect(found.every((answer) => answer.similarity >= 0.6)).toBe(true);
        const ranked = found.toSorted((a, b) =>
          a.similarity === b.similarity
            ? Number(a.customerId > b.customerId) - Number(a.customerId < b.customerId)
            : b.similarity - a.similarity,
        );
        expect(found).toEqual(ranked);
      }),
    );
  });

  describe('among 50 000 generated customers', () => {
    const random = seededRandom(20_240_315);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const syllables =
      'BA BE BO CA CO DA DE DU FA FO GA GI LA LE LO MA MI MO NA NO PA PE RA RE RO SA SI TA TO VA VI'.split(
        ' ',
      );
    const trades = [
      'Transports',
      'Boulangerie',
      'Menuiserie',
      'Garage',
      'Plomberie',
      'Électricité',
      'Boucherie',
      'Pharmacie',
      'Cabinet',
      'Hôtel',
      'Restaurant',
      'Imprimerie',
    ];
    const forms = ['SARL', 'SAS', 'EURL', 'Ets', '', ''];
    const surname = () =>
      `${pick(syllables)}${pick(syllables)}${pick(syllables)}${random() < 0.5 ? 't' : ''}`;
    const customers = Array.from({ length: 50_000 }, (_, n) => ({
      id: `C${String(n).padStart(5, '0')}`,
      name: [pick(forms), pick(trades), surname(), random() < 0.3 ? 'et Fils' : '']
        .join(' ')
        .trim(),
    }));
    const index = new PayerNameIndex(customers);
    const sample = Array.from({ length: 300 }, () => pick(customers));

    it('finds each customer by the name its bank gives (upper case, accents stripped, cut at 35)', () => {
      for (const customer of sample) {
        const bankName = nameWords(customer.name).join(' ').slice(0, 35);
        const found = index.find(bankName, { limit: 10 });
        expect(found.map((answer) => answer.customerId)).toContain(customer.id);
        expect(found[0]?.similarity).toBeGreaterThanOrEqual(0.9);
      }
    });

    it('finds each customer by its name with a typo in its surname', () => {
      for (const customer of sample) {
        const [trade = '', family = ''] = nameWords(customer.name);
        const typo = `${family.slice(0, -1)}${family.endsWith('X') ? 'Y' : 'X'}`;
        const found = index.find(`${trade} ${typo}`, { limit: 10 });
        expect(found.map((answer) => answer.customerId)).toContain(customer.id);
      }
    });

    it('finds nobody by a trade alone: held by thousands, it is not searched by', () => {
      expect(index.find('BOULANGERIE')).toEqual([]);
    });
  });
});
