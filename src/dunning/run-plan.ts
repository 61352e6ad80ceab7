/**
 * What the daily run writes for one customer's decision (ADR 22): the actions, one per
 * step, with the invoices each covers; the invoices' new states; the message each action
 * hands to the outbox, already worded; the status a hold or a hand-over to litigation
 * gives the customer. Pure: the service reads everything first and writes what this says.
 */
import type { Contact, CustomerStatus, CustomerWithContacts } from '../customers/model.ts';
import type { MessageStatus, NewMessage } from '../jobs/model.ts';
import { formatLongDate, type CalendarDate } from '../shared/calendar-date.ts';
import type { IdGenerator } from '../shared/ids.ts';
import type { Language } from '../shared/language.ts';
import type { Cents } from '../shared/money.ts';
import type { CarriedOut, CustomerDecision, DunningAction } from './decide.ts';
import type { Letter, PostalParty } from './letter-pdf.ts';
import { messageData, type MessageInvoice } from './message-data.ts';
import type { PenaltyRateTable } from './published-rates.ts';
import type { Channel, ScenarioStep } from './scenario.ts';
import { renderMessage, type MessageTemplate } from './templates.ts';

/** An action's state (the migration's `dunning_action_status_check` says each). */
export type ActionStatus =
  | 'awaiting_approval'
  | 'queued'
  | 'open'
  | 'done'
  | 'dismissed'
  | 'cancelled';

/** Why a message step became a task for the collector instead of going out. */
export type MissingRecipient = 'no_email_address' | 'no_phone_number' | 'no_postal_address';

/** The messages' source type in the outbox: the dunning actions that made them. */
export const ACTION_SOURCE = 'dunning_action';

/** What the run knows of the company when it words its messages. */
export type Sender = {
  name: string;
  addressLines: readonly string[];
  city: string | null;
};

/** The collector who signs the customer's messages and owns its agenda items. */
export type Collector = { id: string; name: string; email: string };

/** A template by id and language. */
export type TemplateBook = (templateId: string, language: Language) => MessageTemplate | undefined;

/** Everything one customer's plan needs, read by the service. */
export type PlanInput = {
  decision: CustomerDecision;
  scenario: { id: string; name: string };
  customer: CustomerWithContacts;
  language: Language;
  collector: Collector | null;
  /** The customer's open invoices, by id, with their settlements (for the penalties). */
  invoices: ReadonlyMap<string, MessageInvoice & { invoiceId: string }>;
  today: CalendarDate;
  sender: Sender;
  templates: TemplateBook;
  rates: PenaltyRateTable;
  /** The customer's agreed late-payment rate in basis points; `null`: the legal rate. */
  contractualRateBps: number | null;
  /**
   * The portal link an e-mail or an SMS of action `actionId` carries (reminder-links.ts);
   * without it the message names none (`portal.url` is empty).
   */
  portalUrlFor?: (actionId: string) => string;
};

export type PlannedAction = {
  id: string;
  dedupeKey: string;
  customerId: string;
  scenarioId: string;
  scenarioName: string;
  step: ScenarioStep;
  status: ActionStatus;
  assigneeUserId: string | null;
  totalOpenCents: Cents;
  currency: string;
  oldestDueDate: CalendarDate | null;
  invoices: { invoiceId: string; openCents: Cents }[];
  /** A message step with nobody to send it to: the collector's task says why. */
  note: MissingRecipient | null;
  /** What goes to the outbox, `queued` actions only; a letter's PDF is drawn by the service. */
  message: (NewMessage & { letter?: Letter }) | null;
  /** A hold or a hand-over carried out by itself. */
  customerStatus: Extract<CustomerStatus, 'on_hold' | 'in_litigation'> | null;
};

/** The key that makes an action once per customer, step, currency and day. */
export function stepActionKey(
  customerId: string,
  stepId: string,
  currency: string,
  runOn: CalendarDate,
): string {
  return `step:${customerId}:${stepId}:${currency}:${runOn}`;
}

const STATUS_OF_CHANNEL: Readonly<Record<Channel, ActionStatus>> = {
  email: 'queued',
  sms: 'queued',
  letter: 'queued',
  call: 'open',
  task: 'open',
  hold: 'done',
  litigation: 'done',
};

/** Whom an e-mail goes to: the billing contact with an address, else the first with one. */
export function emailContact(contacts: readonly Contact[]): Contact | undefined {
  const withEmail = contacts.filter((contact) => contact.email !== null && contact.email !== '');
  return withEmail.find((contact) => contact.role === 'billing') ?? withEmail[0];
}

/** Whom an SMS or a call goes to: the billing contact with a phone, else the first with one. */
export function phoneContact(contacts: readonly Contact[]): Contact | undefined {
  const withPhone = contacts.filter((contact) => contact.phone !== null && contact.phone !== '');
  return withPhone.find((contact) => contact.role === 'billing') ?? withPhone[0];
}

/** The customer's billing address as an envelope's lines; empty when it has no street or city. */
export function postalLines(customer: CustomerWithContacts): string[] {
  const address = customer.billingAddress;
  if (address.line1 === null || address.city === null) {
    return [];
  }
  const city = [address.postalCode, address.city].filter((part) => part !== null).join(' ');
  return [
    address.line1,
    ...(address.line2 === null ? [] : [address.line2]),
    city,
    ...(address.country === 'FR' ? [] : [address.country]),
  ];
}

/** The template's words for the action's invoices, in the customer's language. */
export function wordsFor(
  input: PlanInput,
  action: DunningAction,
  template: MessageTemplate,
  portalUrl = '',
): MessageTemplate {
  const contact = emailContact(input.customer.contacts) ?? input.customer.contacts[0];
  const invoices = action.invoiceIds.flatMap((id) => {
    const invoice = input.invoices.get(id);
    return invoice === undefined ? [] : [invoice];
  });
  const data = messageData({
    language: input.language,
    currency: input.decision.currency,
    today: input.today,
    company: { name: input.sender.name },
    customer: { code: input.customer.code, name: input.customer.legalName },
    contact: { name: contact?.name ?? '', email: contact?.email ?? '' },
    collector: {
      name: input.collector?.name ?? '',
      email: input.collector?.email ?? '',
      phone: '',
    },
    invoices,
    terms: { contractualRateBasisPoints: input.contractualRateBps },
    rates: input.rates,
    portalUrl,
  });
  return renderMessage(template, data);
}

function placeAndDate(sender: Sender, today: CalendarDate, language: Language): string {
  const date = formatLongDate(today, language);
  if (sender.city === null) {
    return date;
  }
  return language === 'fr' ? `${sender.city}, le ${date}` : `${sender.city}, ${date}`;
}

/** The outbox message of a message step, or why it cannot go out. */
function messageOf(
  input: PlanInput,
  action: DunningAction,
  actionId: string,
): { message: NewMessage & { letter?: Letter } } | { missing: MissingRecipient } {
  const { step } = action;
  const template =
    step.templateId === null ? undefined : input.templates(step.templateId, input.language);
  if (template === undefined) {
    // checkScenario requires a template and the templates cannot be deleted: a bug.
    throw new Error(`Step ${step.id} names no template in ${input.language}`);
  }
  // A letter's reader cannot follow a link; an e-mail's and an SMS's can.
  const portalUrl = step.channel === 'letter' ? '' : (input.portalUrlFor?.(actionId) ?? '');
  const words = wordsFor(input, action, template, portalUrl);
  const base = {
    customerId: input.customer.id,
    source: { type: ACTION_SOURCE, id: actionId },
  };
  if (step.channel === 'email') {
    const email = emailContact(input.customer.contacts)?.email ?? null;
    if (email === null) {
      return { missing: 'no_email_address' };
    }
    return {
      message: {
        ...base,
        channel: 'email',
        recipients: [email],
        subject: words.subject,
        bodyText: words.body,
      },
    };
  }
  if (step.channel === 'sms') {
    const phone = phoneContact(input.customer.contacts)?.phone ?? null;
    if (phone === null) {
      return { missing: 'no_phone_number' };
    }
    return {
      message: {
        ...base,
        channel: 'sms',
        recipients: [phone],
        subject: null,
        bodyText: words.body,
      },
    };
  }
  const lines = postalLines(input.customer);
  if (lines.length === 0) {
    return { missing: 'no_postal_address' };
  }
  const recipient: PostalParty = { name: input.customer.legalName, addressLines: lines };
  return {
    message: {
      ...base,
      channel: 'letter',
      recipients: [recipient.name, ...lines],
      subject: words.subject,
      bodyText: words.body,
      letter: {
        sender: { name: input.sender.name, addressLines: input.sender.addressLines },
        recipient,
        placeAndDate: placeAndDate(input.sender, input.today, input.language),
        subject: words.subject,
        body: words.body,
      },
    },
  };
}

/**
 * The actions of one customer's decision. A step that needs approval waits for it and
 * sends nothing; a message step is worded now and queued, or becomes the collector's task
 * when the customer has no address for it; a call or a task opens an agenda item; a hold
 * or a hand-over to litigation is carried out by itself.
 */
export function planActions(input: PlanInput, ids: IdGenerator): PlannedAction[] {
  const { decision } = input;
  return decision.actions.map((action) => {
    const id = ids.newId();
    const { step } = action;
    const invoices = action.invoiceIds.map((invoiceId) => ({
      invoiceId,
      openCents: input.invoices.get(invoiceId)?.openCents ?? (0 as Cents),
    }));
    const planned: PlannedAction = {
      id,
      dedupeKey: stepActionKey(decision.customerId, step.id, decision.currency, input.today),
      customerId: decision.customerId,
      scenarioId: input.scenario.id,
      scenarioName: input.scenario.name,
      step,
      status: step.needsApproval ? 'awaiting_approval' : STATUS_OF_CHANNEL[step.channel],
      assigneeUserId: input.collector?.id ?? null,
      totalOpenCents: action.totalOpenCents,
      currency: decision.currency,
      oldestDueDate: input.invoices.get(action.invoiceIds[0] ?? '')?.dueDate ?? null,
      invoices,
      note: null,
      message: null,
      customerStatus: null,
    };
    if (planned.status === 'queued') {
      const outcome = messageOf(input, action, id);
      if ('missing' in outcome) {
        return { ...planned, status: 'open', note: outcome.missing };
      }
      return { ...planned, message: outcome.message };
    }
    if (planned.status === 'done') {
      return { ...planned, customerStatus: step.channel === 'hold' ? 'on_hold' : 'in_litigation' };
    }
    return planned;
  });
}

/** Whether an invoice's current step was carried out, from its action and its message. */
export function carriedOutOf(
  state: { actionStatus: ActionStatus },
  messageStatus: MessageStatus | undefined,
): CarriedOut {
  switch (state.actionStatus) {
    case 'awaiting_approval':
    case 'open':
      return 'pending';
    case 'queued':
      return messageStatus === 'failed' || messageStatus === 'bounced' ? 'failed' : 'done';
    case 'done':
    case 'dismissed':
    case 'cancelled':
      return 'done';
  }
}
