import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../test/pdf-text.ts';
import { renderLetters, type Letter } from './letter-pdf.ts';

const letter = (name: string, amount: string): Letter => ({
  sender: { name: 'Encaisse Démo SAS', addressLines: ['12 rue de la Paix', '75002 Paris'] },
  recipient: { name, addressLines: ['3 place du Marché', '69001 Lyon'] },
  placeAndDate: 'Paris, le 2 décembre 2026',
  subject: 'Mise en demeure de payer',
  body: `Total restant dû : ${amount}.\nVeuillez agréer nos salutations distinguées.`,
});

describe('renderLetters', () => {
  it('prints each letter on its own page, accents and euro signs included', async () => {
    const bytes = await renderLetters([
      letter('Boulangerie Martin', '1\u202f200,00\u00a0€'),
      letter('Transports Dupont', '300,50\u00a0€'),
    ]);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Boulangerie Martin');
    expect(pages[0]).toContain('Mise en demeure de payer');
    expect(pages[0]).toMatch(/Total restant dû : 1.200,00.€/);
    expect(pages[0]).toContain('Paris, le 2 décembre 2026');
    expect(pages[1]).toContain('Transports Dupont');
    expect(pages[1]).not.toContain('Boulangerie Martin');
  });

  it('refuses an empty print batch', () => {
    expect(() => renderLetters([])).toThrow(RangeError);
  });
});
