import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentNumberKey,
  foldCase,
  numberKeyText,
  referenceCandidates,
  withinOneEdit,
} from './reference-keys.ts';

/** The candidates of one text, as `text → letters+digits`, the shape most cases read best in. */
function read(text: string): string[] {
  return referenceCandidates([text]).map(
    (candidate) => `${candidate.text} → ${candidate.key.letters}|${candidate.key.digits}`,
  );
}

describe('documentNumberKey', () => {
  it.each([
    ['F230875', { letters: 'F', digits: '230875' }],
    ['F-230875', { letters: 'F', digits: '230875' }],
    ['f 0230875', { letters: 'F', digits: '230875' }],
    ['230875', { letters: '', digits: '230875' }],
    ['FA-2023-00875', { letters: 'FA', digits: '202300875' }],
    ['FA2023-00875', { letters: 'FA', digits: '202300875' }],
    ['F-2023/0875', { letters: 'F', digits: '20230875' }],
    // Accents stripped, then every letter kept in order, wherever it stands.
    ['Fé-123-ç', { letters: 'FEC', digits: '123' }],
    ['AV.000123', { letters: 'AV', digits: '123' }],
    // Zeros inside the number are significant; only the leading ones go.
    ['F-100200', { letters: 'F', digits: '100200' }],
  ])('%s → %j', (number, key) => {
    expect(documentNumberKey(number)).toEqual(key);
  });

  it.each(['F-0012', '12', 'FACTURE', '', 'F-000', 'AB-0-0-9'])(
    '%j has fewer than 3 significant digits: no key',
    (number) => {
      expect(documentNumberKey(number)).toBeUndefined();
    },
  );

  it('keys the ways payers rewrite one number alike', () => {
    const texts = ['F230875', 'F-230875', 'f 0230875', 'F.230875', 'F_0230875', 'F/230875'];
    expect(texts.map((text) => documentNumberKey(text))).toEqual(
      texts.map(() => ({ letters: 'F', digits: '230875' })),
    );
  });

  it('property: the key ignores case, separators and leading zeros', () => {
    const separator = fc.constantFrom('', ' ', '-', '/', '.', '_');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{0,3}$/),
        fc.stringMatching(/^[1-9][0-9]{2,9}$/),
        fc.nat({ max: 3 }),
        separator,
        (letters, digits, zeros, between) => {
          const rewritten = `${letters.toLowerCase()}${between}${'0'.repeat(zeros)}${digits}`;
          expect(documentNumberKey(rewritten)).toEqual({ letters, digits });
        },
      ),
    );
  });

  it('property: digits never start with 0 and hold 3+ digits; letters are A–Z', () => {
    const character = fc.oneof(
      fc.constantFrom('0', '5', '9', '-', ' ', 'é', 'ß', 'Œ', 'f'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 20 }), (text) => {
        const key = documentNumberKey(text);
        expect(key?.digits ?? '100').toMatch(/^[1-9]\d{2,}$/);
        expect(key?.letters ?? '').toMatch(/^[A-Z]*$/);
        expect(key === undefined).toBe(text.replace(/\D/g, '').replace(/^0+/, '').length < 3);
      }),
    );
  });
});

describe('numberKeyText', () => {
  it('writes the letters then the digits', () => {
    expect(numberKeyText({ letters: 'FA', digits: '202300875' })).toBe('FA202300875');
  });
});

describe('foldCase', () => {
  it.each([
    ['Réf. Société', 'REF. SOCIETE'],
    ['ÉTÉ à Noël', 'ETE A NOEL'],
    ['straße', 'STRASSE'],
  ])('%s → %s', (text, folded) => {
    expect(foldCase(text)).toBe(folded);
  });
});

describe('referenceCandidates', () => {
  it('reads the invoice numbers of a typical remittance text, in order', () => {
    expect(
      read('VIR SEPA REGLEMENT FACTURE F 230875 ET F-230876 DU 15/03/2024 MONTANT 1 250,00 EUR'),
    ).toEqual(['F 230875 → F|230875', 'F-230876 → F|230876']);
  });

  it.each([
    // Separators: whitespace, , ; : ( ) [ ] " ' +
    ['230875,230876;230877', ['230875', '230876', '230877']],
    [
      '(230875) [230876] "230877" \'230878\' 230879+230880',
      ['230875', '230876', '230877', '230878', '230879', '230880'],
    ],
    ['FACT:230875', ['230875']],
    // Joiners stay inside a token, and go at its ends.
    ['F-2023/0875', ['F-2023/0875']],
    ['FA_2023.0875', ['FA_2023.0875']],
    ['Merci pour la facture 230875.', ['230875']],
    ['/230875/', ['230875']],
    // Markers of a number.
    ['FACTURE N°230875', ['230875']],
    ['facture n°230875', ['230875']],
    ['Facture Nº 230875', ['230875']],
    ['FACT No.230875', ['230875']],
    ['FACT NO. 230875', ['230875']],
    // `NO.` inside a word is no marker.
    ['INFO.230875', ['INFO.230875']],
  ])('%j → %j', (text, expected) => {
    expect(referenceCandidates([text]).map((candidate) => candidate.text)).toEqual(expected);
  });

  describe('a short letters token before a number', () => {
    it.each([
      ['F 230875', ['F 230875 → F|230875']],
      ['FA 2023-00875', ['FA 2023-00875 → FA|202300875']],
      ['FAC 230875', ['FAC 230875 → FAC|230875']],
      ['f. 230875', ['f 230875 → F|230875']],
      ['FA n°230875', ['FA 230875 → FA|230875']],
      // Accented letters fold before the test.
      ['É 230875', ['É 230875 → E|230875']],
    ])('%j is glued to it: %j', (text, expected) => {
      expect(read(text)).toEqual(expected);
    });

    it.each([
      // A word of the stop list, whatever its case or accents.
      ['REF 230875', ['230875 → |230875']],
      ['Réf. 230875', ['230875 → |230875']],
      ['N 230875', ['230875 → |230875']],
      ['NUM 230875', ['230875 → |230875']],
      ['VIR 230875', ['230875 → |230875']],
      ['FACTURES DU 230875', ['230875 → |230875']],
      ['PAIEMENT DE 230875', ['230875 → |230875']],
      // Four letters or more is a word, not a prefix.
      ['FACT 230875', ['230875 → |230875']],
      // Something other than spaces stands between them.
      ['F: 230875', ['230875 → |230875']],
      ['F, 230875', ['230875 → |230875']],
      // The next token does not start with a digit.
      ['F A230875', ['A230875 → A|230875']],
      // The prefix is only for the token right after it.
      ['F FACTURE 230875', ['230875 → |230875']],
    ])('%j is not glued: %j', (text, expected) => {
      expect(read(text)).toEqual(expected);
    });

    it('is not glued across an amount or a date', () => {
      expect(read('F 1250,00 230875')).toEqual(['230875 → |230875']);
      expect(read('F 15/03/2024 230875')).toEqual(['230875 → |230875']);
    });

    it('gives one candidate for the pair, not the bare digits as well', () => {
      expect(referenceCandidates(['F 230875'])).toEqual([
        { text: 'F 230875', key: { letters: 'F', digits: '230875' } },
      ]);
    });
  });

  it.each([
    'FACTURE',
    'VIREMENT',
    'REGLEMENT',
    'PAIEMENT',
    'Règlement facture',
    'F-0012',
    'N° 12',
    'ACOMPTE 50 %',
  ])('finds no candidate in %j', (text) => {
    expect(referenceCandidates([text])).toEqual([]);
  });

  describe('amounts are not numbers of documents', () => {
    it.each([
      '1250,00',
      '1250.00',
      '1 250,00',
      '1 250.00',
      '1\u00a0250,00',
      '1\u202f250,00',
      '1.250,00',
      '1,250.00',
      '12 345 678,90',
      '1250.00EUR',
      '1250,00 EUR',
      '1250,00€',
      'EUR1250,00',
      '€ 1250,00',
      '-1250,00',
      '+1250,00',
      'montant: 1250,00 eur',
    ])('%j', (text) => {
      expect(referenceCandidates([text])).toEqual([]);
    });

    it('keeps the invoice number written beside the amount', () => {
      expect(read('F230875 1250,00 EUR')).toEqual(['F230875 → F|230875']);
      expect(read('230875 1 250.00')).toEqual(['230875 → |230875']);
    });

    it.each([
      // Not exactly 2 decimals.
      ['1250,5', ['1250']],
      ['1250,500', ['1250', '500']],
      // Two numbers with no space after the comma: a list, not decimals.
      ['230875,230876', ['230875', '230876']],
      // A letter prefix makes a document number of it.
      ['F-2023.12', ['F-2023.12']],
      ['F2023,12', ['F2023']],
    ])('but %j is read as %j', (text, expected) => {
      expect(referenceCandidates([text]).map((candidate) => candidate.text)).toEqual(expected);
    });
  });

  describe('dates are not numbers of documents', () => {
    it.each([
      '15/03/2024',
      '15-03-2024',
      '15.03.2024',
      '15.03.24',
      '15/03/24',
      '5/3/2024',
      '2024-03-15',
      '2024/03/15',
      '31/12/2025',
      'du 01/02/2024 au 29/02/2024',
    ])('%j', (text) => {
      expect(referenceCandidates([text])).toEqual([]);
    });

    it.each([
      // Not a day or month in range.
      ['32/03/2024', ['32/03/2024']],
      ['15/13/2024', ['15/13/2024']],
      // Separators that differ.
      ['15/03-2024', ['15/03-2024']],
      // Part of a longer token.
      ['F-15/03/2024', ['F-15/03/2024']],
      ['2023-11-0875', ['2023-11-0875']],
      ['15/03/2024/7', ['15/03/2024/7']],
    ])('but %j is read as %j', (text, expected) => {
      expect(referenceCandidates([text]).map((candidate) => candidate.text)).toEqual(expected);
    });
  });

  describe('identifiers that are not documents', () => {
    it.each([
      'FR7630006000011234567890189',
      'fr7630006000011234567890189',
      'DE89370400440532013000',
      'IBAN: FR1420041010050500013M02606',
    ])('an IBAN-looking token gives nothing: %j', (text) => {
      expect(referenceCandidates([text])).toEqual([]);
    });

    it('keeps a token of IBAN shape but too short for one', () => {
      expect(read('FA23123456789')).toEqual(['FA23123456789 → FA|23123456789']);
    });

    it.each([
      ['RF18539007547034', '539007547034'],
      ['rf18539007547034', '539007547034'],
      ['/RF18539007547034/', '539007547034'],
      // The printed form, as a whole text.
      ['RF18 5390 0754 7034', '539007547034'],
      [' RF18 5390 0754 7034 ', '539007547034'],
    ])('a creditor reference %j gives what follows its check digits: %j', (text, body) => {
      expect(referenceCandidates([text]).map((candidate) => candidate.text)).toEqual([body]);
    });

    it('reads a creditor reference with letters in its body', () => {
      // RF + check digits 00 → the check: 'F230875' + 'RF00' mod 97, then 98 − that.
      const body = 'F230875';
      const check = String(98 - mod97(`${body}RF00`)).padStart(2, '0');
      expect(read(`RF${check}${body}`)).toEqual([`${body} → F|230875`]);
    });

    it('reads an `RF…` token whose check fails as a document number', () => {
      expect(read('RF2023001')).toEqual(['RF2023001 → RF|2023001']);
    });

    it('reads a printed creditor reference only as a whole text: inside one, its groups', () => {
      expect(read('FACTURE RF18 5390 0754 7034')).toEqual([
        '5390 → |5390',
        '0754 → |754',
        '7034 → |7034',
      ]);
    });
  });

  it('reads every text, the structured references after the free text, skipping the absent ones', () => {
    expect(
      referenceCandidates([null, 'FACTURE 230875', undefined, 'RF18539007547034', 'F230876']).map(
        (candidate) => candidate.text,
      ),
    ).toEqual(['230875', '539007547034', 'F230876']);
  });

  it('gives each key once, the first occurrence winning', () => {
    expect(read('230875 0230875 F230875 F-230875 f 230875, 230875')).toEqual([
      '230875 → |230875',
      'F230875 → F|230875',
    ]);
    expect(referenceCandidates(['F230875', 'F-230875']).map((candidate) => candidate.text)).toEqual(
      ['F230875'],
    );
  });

  it('reads a long, messy line', () => {
    expect(
      read(
        'PRLV SEPA /ROC/ REGLT FACT. FA-2023-00875 + FA-2023-00876 - AVOIR AV 1202 DEDUIT, ' +
          'CDE N°45678 DU 02.01.24 TOTAL 3.410,50 EUR IBAN FR7630006000011234567890189',
      ),
    ).toEqual([
      'FA-2023-00875 → FA|202300875',
      'FA-2023-00876 → FA|202300876',
      'AV 1202 → AV|1202',
      // An order number keeps its letters, which tell it from an invoice number.
      'CDE 45678 → CDE|45678',
    ]);
  });

  it('property: every candidate has the key of its text, keys are distinct', () => {
    const word = fc.constantFrom(
      'FACTURE',
      'F',
      'FA',
      'REF',
      'N°',
      'No.',
      'DU',
      '15/03/2024',
      '1 250,00',
      'EUR',
      'RF18539007547034',
      'FR7630006000011234567890189',
      ',',
      ':',
      '(',
    );
    const number = fc.stringMatching(/^[A-Z]{0,2}[-/]?[0-9]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(word, number), { maxLength: 12 }).map((words) => words.join(' ')),
          {
            maxLength: 3,
          },
        ),
        (texts) => {
          const candidates = referenceCandidates(texts);
          for (const candidate of candidates) {
            expect(documentNumberKey(candidate.text)).toEqual(candidate.key);
          }
          const keys = candidates.map((candidate) => numberKeyText(candidate.key));
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });

  it('property: an invoice number between words is found, whatever surrounds it', () => {
    const filler = fc.constantFrom(
      'VIREMENT',
      'FACTURE',
      'REGLEMENT',
      'MERCI',
      'DE',
      'SARL MARTIN',
    );
    fc.assert(
      fc.property(
        fc.array(filler, { maxLength: 3 }),
        fc.stringMatching(/^F[1-9][0-9]{5}$/),
        fc.array(filler, { maxLength: 3 }),
        fc.constantFrom(' ', ', ', ' : ', ' ; '),
        (before, number, after, separator) => {
          const text = [...before, number, ...after].join(separator);
          expect(referenceCandidates([text]).map((candidate) => candidate.text)).toContain(number);
        },
      ),
    );
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['230875', '230875', true],
    ['', '', true],
    // Substitution.
    ['230875', '230876', true],
    ['230875', '930875', true],
    // Insertion and deletion, anywhere.
    ['230875', '2308750', true],
    ['230875', '0230875', true],
    ['230875', '23075', true],
    ['230875', '30875', true],
    ['', 'a', true],
    // A swap of two adjacent characters.
    ['230875', '230785', true],
    ['230875', '320875', true],
    ['230875', '230857', true],
    // Two edits.
    ['230875', '230777', false],
    ['230875', '23087555', false],
    ['230875', '2875', false],
    ['230875', '203857', false],
    // A swap of characters that are not adjacent.
    ['230875', '530823', false],
  ])('%j ~ %j: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it('property: agrees with the optimal-string-alignment distance', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '2', 'a'), maxLength: 7 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: one random edit of a string is within one edit of it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom('substitute', 'insert', 'delete', 'swap'),
        fc.string({ minLength: 1, maxLength: 1 }),
        (text, at, edit, character) => {
          const index = at % text.length;
          const edited =
            edit === 'substitute'
              ? text.slice(0, index) + character + text.slice(index + 1)
              : edit === 'insert'
                ? text.slice(0, index) + character + text.slice(index)
                : edit === 'delete'
                  ? text.slice(0, index) + text.slice(index + 1)
                  : index + 1 < text.length
                    ? text.slice(0, index) +
                      text.charAt(index + 1) +
                      text.charAt(index) +
                      text.slice(index + 2)
                    : text;
          expect(withinOneEdit(text, edited)).toBe(true);
        },
      ),
    );
  });
});

/** The textbook dynamic programme, as the oracle for `withinOneEdit`. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row !== undefined) {
        row[j] = best;
      }
    }
  }
  return at(a.length, b.length);
}

/** ISO 7064 MOD 97-10 over letters and digits (A = 10 … Z = 35), to build test references. */
function mod97(text: string): number {
  let remainder = 0;
  for (const character of text) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}
