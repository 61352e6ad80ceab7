/**
 * The small pure rules of the portal's page: what can be done on an item, what a selection
 * adds up to, and how an IBAN is read out.
 */
import { cents, sumCents, toDecimalString } from '../../../../src/shared/money.ts';
import type { Language } from '../../../../src/shared/language.ts';
import type { PortalItem } from './portal-api.ts';

/** An invoice still to pay: the three actions are offered on it (never on a credit note). */
export function isActionable(item: PortalItem): boolean {
  return item.kind === 'invoice' && item.openCents > 0;
}

/** Whether the item has a dispute that is not settled yet: one problem at a time. */
export function hasOpenDispute(item: PortalItem): boolean {
  return item.dispute !== null && item.dispute.status !== 'resolved';
}

/** What the actions of a selection apply to: the actionable items among the chosen ones. */
export type Selection = {
  items: PortalItem[];
  /** The open total, in the currency of the first chosen item (a promise has one currency). */
  openCents: number;
  currency: string;
};

/** The chosen items, in the list's order, and their open total. */
export function selectionOf(items: readonly PortalItem[], chosen: ReadonlySet<string>): Selection {
  const kept = items.filter((item) => chosen.has(item.invoiceId) && isActionable(item));
  const currency = kept[0]?.currency ?? 'EUR';
  const openCents = sumCents(
    kept.filter((item) => item.currency === currency).map((item) => cents(item.openCents)),
  );
  return { items: kept, openCents, currency };
}

/** Numbers as a reader lists them: `FA-1, FA-2`. */
export function numbersOf(items: readonly Pick<PortalItem, 'number'>[]): string {
  return items.map((item) => item.number).join(', ');
}

/** An amount in cents as it is typed back: `1234,56` in French, `1234.56` in English. */
export function amountInputText(amountCents: number, language: Language): string {
  const text = toDecimalString(cents(amountCents));
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** An IBAN in groups of four, as printed on a bank's details (ISO 13616 paper form). */
export function groupIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}
