import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../src/shared/language.ts';
import type { TProblem } from '../../../../src/shared/schemas.ts';
import {
  canOverrideOpening,
  isActivationAllowed,
  isOpeningShown,
  openingIssueText,
  openingProblemOf,
  openingReasonText,
  type TOpeningItem,
  type TOpeningItemCode,
} from './account-opening-model.ts';

const FIELD_WORDS = { line1: 'adresse', postalCode: 'code postal', city: 'ville' } as const;
const LABELS: Readonly<Record<string, string>> = {
  siren: 'SIREN',
  payables_contact: 'Contact comptabilité fournisseurs',
};
const itemLabel = (code: string) => LABELS[code] ?? code;

describe('when the panel shows and what it offers', () => {
  it.each([
    ['prospect', true],
    ['active', false],
    ['on_hold', false],
    ['closed', false],
  ])('a customer %s shows it: %s', (status, expected) => {
    expect(isOpeningShown({ status })).toBe(expected);
  });

  it.each<[string, TOpeningItemCode[], boolean, boolean]>([
    // role, blocking items missing, « Activer » enabled, « Activer malgré tout… » offered
    ['credit_manager', ['siren', 'payables_contact'], false, true],
    ['admin', ['credit_limit'], false, true],
    ['collector', ['siren'], false, false],
    ['department_member', ['siren'], false, false],
    ['credit_manager', [], true, false],
    ['collector', [], true, false],
  ])('%s with %j missing: activate %s, override %s', (role, missing, allowed, override) => {
    const opening = { blockingMissing: missing };
    expect(isActivationAllowed(opening)).toBe(allowed);
    expect(canOverrideOpening(role, opening)).toBe(override);
  });
});

describe('an item’s reason in words', () => {
  const item = (reason: string | undefined, params?: TOpeningItem['params']) => ({
    ...(reason === undefined ? {} : { reason }),
    ...(params === undefined ? {} : { params }),
  });

  it.each<[Language, ReturnType<typeof item>, string | undefined]>([
    ['fr', item('no_siren'), 'SIREN manquant'],
    ['en', item('no_siren'), 'No SIREN'],
    [
      'fr',
      item('billing_address_incomplete', { fields: 'line1,postalCode,city' }),
      'Adresse de facturation incomplète\u00a0: adresse, code postal, ville',
    ],
    [
      'fr',
      item('billing_address_incomplete', { fields: 'city,country' }),
      'Adresse de facturation incomplète\u00a0: ville, country',
    ],
    [
      'fr',
      item('siren_invalid', { value: '732829321' }),
      'Le SIREN 732829321 n’est pas valide (9 chiffres, clé de Luhn)',
    ],
    ['fr', item('a_code_from_a_newer_server'), 'a_code_from_a_newer_server'],
    ['fr', item(undefined, { bps: 3_000 }), undefined],
  ])('%s %j → %s', (language, given, expected) => {
    expect(
      openingReasonText(language, given, (field) =>
        language === 'fr' ? FIELD_WORDS[field] : field,
      ),
    ).toBe(expected);
  });
});

describe('a refused activation in words', () => {
  const problem = (overrides: Partial<TProblem>): TProblem => ({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    detail: 'server detail',
    code: 'conflict',
    ...overrides,
  });
  const missingIssue = (item: string) => ({
    field: item,
    code: 'opening_item_missing',
    message: `Missing to open the account: ${item}`,
    params: { item },
  });

  it('names each missing item by its label', () => {
    expect(openingIssueText('fr', missingIssue('siren'), itemLabel)).toBe(
      'Manque pour ouvrir le compte\u00a0: SIREN',
    );
    expect(
      openingIssueText(
        'fr',
        { field: 'x', code: 'unknown_issue_code', message: 'as the server said' },
        itemLabel,
      ),
    ).toBe('as the server said');
  });

  it.each<[string, TProblem, { reason: string | undefined; messages: string[] }]>([
    [
      '409 blocking items missing',
      problem({
        reason: 'blocking_items_missing',
        issues: [missingIssue('siren'), missingIssue('payables_contact')],
      }),
      {
        reason: undefined,
        messages: [
          'Des éléments bloquants manquent pour activer le client',
          'Manque pour ouvrir le compte\u00a0: SIREN',
          'Manque pour ouvrir le compte\u00a0: Contact comptabilité fournisseurs',
        ],
      },
    ],
    [
      '400 blank reason, said under the reason only',
      problem({
        status: 400,
        reason: 'override_reason_required',
        issues: [
          {
            field: 'reason',
            code: 'override_reason_required',
            message: 'Give a reason',
            params: {},
          },
        ],
      }),
      { reason: 'Indiquez la raison du passage outre', messages: [] },
    ],
    [
      '403 role may not override',
      problem({ status: 403, reason: 'override_role_not_allowed' }),
      {
        reason: undefined,
        messages: ['Votre rôle ne permet pas de passer outre la liste d’ouverture'],
      },
    ],
    [
      '409 not a prospect',
      problem({ reason: 'credit_not_prospect', params: { status: 'active' } }),
      {
        reason: undefined,
        messages: ['Seul un prospect s’active par son ouverture de compte (statut active)'],
      },
    ],
    [
      'a reason this build does not know: the server’s detail',
      problem({ reason: 'newer_reason' }),
      { reason: undefined, messages: ['server detail'] },
    ],
  ])('%s', (_, given, expected) => {
    expect(openingProblemOf('fr', given, itemLabel)).toEqual(expected);
  });
});
