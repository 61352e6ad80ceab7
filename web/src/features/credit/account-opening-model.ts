/**
 * What the « Ouverture de compte » panel decides and says (issue 12, docs/credit.md
 * « Account opening »): whether it is shown, which activation the role is offered, and an
 * item's reason or a refusal's issue as a sentence from the server's own catalogue. Pure:
 * no DOM, no clock.
 */
import type { z } from 'zod';
import type { ZAccountOpening } from '../../../../src/credit/schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { findMessage, type MessageParams } from '../../../../src/shared/messages/catalogue.ts';
import type { TProblem } from '../../../../src/shared/schemas.ts';

/** The checklist as `GET /api/customers/:id/account-opening` answers it. */
export type TAccountOpening = z.infer<typeof ZAccountOpening>;
/** One line of the checklist. */
export type TOpeningItem = TAccountOpening['items'][number];
/** An item's code (`siren`, `billing_address`…). */
export type TOpeningItemCode = TOpeningItem['code'];

/**
 * Whether the panel is shown: while the customer is a prospect, the only status the
 * activation moves (409 `credit_not_prospect` otherwise). Once active, the checklist's
 * work is done, whatever it still lacks.
 */
export function isOpeningShown(opening: Pick<TAccountOpening, 'status'>): boolean {
  return opening.status === 'prospect';
}

/**
 * Whether « Activer le client » is enabled: no blocking item missing, the server's own
 * rule (`decideActivation`); a missing item that does not block (a delivery address) does
 * not stop it.
 */
export function isActivationAllowed(opening: Pick<TAccountOpening, 'blockingMissing'>): boolean {
  return opening.blockingMissing.length === 0;
}

/**
 * Whether the role is offered « Activer malgré tout… »: the roles of the server's
 * `DEFAULT_OPENING_POLICY.overrideRoles` (administrators and credit managers), and only
 * while a blocking item is missing, since otherwise there is nothing to pass over.
 */
export function canOverrideOpening(
  role: string,
  opening: Pick<TAccountOpening, 'blockingMissing'>,
): boolean {
  return (role === 'admin' || role === 'credit_manager') && !isActivationAllowed(opening);
}

/** The address fields the server names in `billing_address_incomplete` (`fields`). */
export const ADDRESS_FIELDS = ['line1', 'postalCode', 'city'] as const;
/** One of `ADDRESS_FIELDS`. */
export type AddressField = (typeof ADDRESS_FIELDS)[number];

function isAddressField(field: string): field is AddressField {
  return ADDRESS_FIELDS.some((known) => known === field);
}

/**
 * An item's reason as a sentence, or `undefined` when it has none (a plain `done`). The
 * server lists an incomplete address's fields by their names (`line1,postalCode,city`):
 * they are said in words (`fieldWord`) before the sentence is made. A code this build does
 * not know is shown as it is.
 */
export function openingReasonText(
  language: Language,
  item: Pick<TOpeningItem, 'reason' | 'params'>,
  fieldWord: (field: AddressField) => string,
): string | undefined {
  if (item.reason === undefined) {
    return undefined;
  }
  const params: Record<string, string | number> = { ...item.params };
  const fields = params['fields'];
  if (typeof fields === 'string') {
    params['fields'] = fields
      .split(',')
      .map((field) => (isAddressField(field) ? fieldWord(field) : field))
      .join(', ');
  }
  return findMessage(language, item.reason, params) ?? item.reason;
}

/**
 * A refusal's issue as a sentence: `opening_item_missing` names its item by its code, said
 * here by its label (`itemLabel`); any other issue as the catalogue words it, else the
 * server's message.
 */
export function openingIssueText(
  language: Language,
  issue: NonNullable<TProblem['issues']>[number],
  itemLabel: (code: string) => string,
): string {
  const params: MessageParams = issue.params ?? {};
  const item = params['item'];
  const worded = findMessage(
    language,
    issue.code,
    typeof item === 'string' ? { ...params, item: itemLabel(item) } : params,
  );
  return worded ?? issue.message;
}

/** A refusal of the activation: what is said under the reason, and what above the buttons. */
export type OpeningProblem = { reason: string | undefined; messages: string[] };

/**
 * A refused activation in the reader's language: the headline (409 `blocking_items_missing`,
 * 403 `override_role_not_allowed`, 409 `credit_not_prospect`), then each missing item by
 * its label; an issue on `reason` (400 `override_reason_required`) goes under the reason,
 * and a headline that only repeats it is left out.
 */
export function openingProblemOf(
  language: Language,
  problem: TProblem,
  itemLabel: (code: string) => string,
): OpeningProblem {
  const worded =
    problem.reason === undefined
      ? undefined
      : findMessage(language, problem.reason, problem.params);
  const headline = worded ?? (problem.detail === '' ? problem.title : problem.detail);
  const issues = problem.issues ?? [];
  const onReason = issues.find((issue) => issue.field === 'reason');
  const reason =
    onReason === undefined ? undefined : openingIssueText(language, onReason, itemLabel);
  const others = issues
    .filter((issue) => issue !== onReason)
    .map((issue) => openingIssueText(language, issue, itemLabel));
  const messages = [...new Set([headline, ...others])].filter((text) => text !== reason);
  return { reason, messages };
}
