import type { ParseKeys } from 'i18next';

/** The audit trail's actions, as people say them. Unknown actions show as recorded. */
const ACTION_LABELS = {
  'customer.created': 'customer.timeline.actions.customerCreated',
  'customer.updated': 'customer.timeline.actions.customerUpdated',
  'customer.imported': 'customer.timeline.actions.customerImported',
  'invoice.imported': 'customer.timeline.actions.invoiceImported',
  'invoice.created': 'customer.timeline.actions.invoiceCreated',
  'credit_note.imported': 'customer.timeline.actions.creditNoteImported',
  'payment.recorded': 'customer.timeline.actions.paymentRecorded',
  'payment.imported': 'customer.timeline.actions.paymentImported',
  'allocation.created': 'customer.timeline.actions.allocationCreated',
  'allocation.undone': 'customer.timeline.actions.allocationUndone',
} as const satisfies Record<string, ParseKeys>;

type KnownAction = keyof typeof ACTION_LABELS;

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(ACTION_LABELS, action);
}

export function actionLabelKey(action: string): ParseKeys | undefined {
  return isKnownAction(action) ? ACTION_LABELS[action] : undefined;
}

const ENTITY_COLORS: Readonly<Record<string, string>> = {
  customer: 'blue',
  invoice: 'gray',
  credit_note: 'cyan',
  payment: 'teal',
  allocation: 'violet',
};

export function actionColor(action: string): string {
  if (action.endsWith('.undone') || action.endsWith('.deleted')) {
    return 'orange';
  }
  return ENTITY_COLORS[action.split('.')[0] ?? ''] ?? 'gray';
}

/** The few facts worth a line under the label, when the event carries them. */
export type EventFacts = { reference?: string; amount?: number; currency?: string };

export function eventFacts(data: Readonly<Record<string, unknown>>): EventFacts {
  const facts: EventFacts = {};
  const reference = ['number', 'invoiceNumber', 'reference', 'paymentReference', 'code']
    .map((key) => data[key])
    .find((value): value is string => typeof value === 'string' && value !== '');
  if (reference !== undefined) {
    facts.reference = reference;
  }
  const amount = data['amount'];
  const currency = data['currency'];
  if (typeof amount === 'number' && Number.isSafeInteger(amount) && typeof currency === 'string') {
    facts.amount = amount;
    facts.currency = currency;
  }
  return facts;
}
