import { describe, expect, it } from 'vitest';
import { checkBankDetails } from './bank-details-model.ts';

describe('checkBankDetails', () => {
  it('keeps the IBAN and BIC in electronic form and empty texts as none', () => {
    expect(
      checkBankDetails({
        accountHolder: ' Menuiseries Dupont SAS ',
        iban: 'fr76 3000 6000 0112 3456 7890 189',
        bic: 'agri fr pp',
        bankName: ' ',
      }),
    ).toEqual({
      details: {
        accountHolder: 'Menuiseries Dupont SAS',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
        bankName: null,
      },
      issues: [],
    });
  });

  it('refuses every issue at once: no holder, a wrong IBAN key, a malformed BIC', () => {
    const checked = checkBankDetails({
      accountHolder: '',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'AGRI',
    });
    expect(checked.details).toBeUndefined();
    expect(checked.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['accountHolder', 'bank_details_holder_missing'],
      ['iban', 'invalid_iban'],
      ['bic', 'bank_details_bic_invalid'],
    ]);
  });
});
