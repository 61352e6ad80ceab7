import { describe, expect, it } from 'vitest';
import type { CustomerWithContacts } from '../customers/model.ts';
import { calendarDate } from '../shared/calendar-date.ts';
import { cents } from '../shared/money.ts';
import { defaultTemplate } from './default-templates.ts';
import { PUBLISHED_RATES } from './published-rates.ts';
import {
  carriedOutOf,
  planActions,
  postalLines,
  stepActionKey,
  type PlanInput,
} from './run-plan.ts';
import type { ScenarioStep } from './scenario.ts';

const TODAY = calendarDate('2026-03-20');

function step(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'reminder_1',
    offsetDays: 5,
    channel: 'email',
    templateId: 'reminder_1',
    needsApproval: false,
    minOverdueCents: null,
    riskCategories: null,
    ...overrides,
  };
}

function customer(overrides: Partial<CustomerWithContacts> = {}): CustomerWithContacts {
  return {
    id: 'cus-1',
    code: 'C001',
    legalName: 'Boulangerie Martin SARL',
    siren: null,
    siret: null,
    vatNumber: null,
    billingAddress: {
      line1: '3 place Bellecour',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
    deliveryAddress: null,
    paymentTerms: 'net:30',
    paymentMethod: 'transfer',
    depositBps: 0,
    creditLimitCents: null,
    collectorUserId: 'user-1',
    salesRep: null,
    riskCategory: 'standard',
    status: 'active',
    contacts: [
      { id: 'ct-1', role: 'purchasing', name: 'Paul', email: 'achats@martin.test', phone: null },
      {
        id: 'ct-2',
        role: 'billing',
        name: 'Claire',
        email: 'compta@martin.test',
        phone: '+33600000000',
      },
    ],
    ...overrides,
  };
}

function input(stepOf: ScenarioStep, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    decision: {
      customerId: 'cus-1',
      currency: 'EUR',
      actions: [{ step: stepOf, invoiceIds: ['inv-1'], totalOpenCents: cents(123_456) }],
      advances: [{ invoiceId: 'inv-1', stepId: stepOf.id }],
      leaves: [],
      skipped: [],
      heldBack: [],
    },
    scenario: { id: 'sc-1', name: 'Standard' },
    customer: customer(),
    language: 'fr',
    contractualRateBps: null,
    collector: { id: 'user-1', name: 'Julie Bernard', email: 'julie@encaisse.test' },
    invoices: new Map([
      [
        'inv-1',
        {
          invoiceId: 'inv-1',
          number: 'FA-2026-0042',
          issueDate: calendarDate('2026-02-01'),
          dueDate: calendarDate('2026-03-03'),
          amountCents: cents(123_456),
          openCents: cents(123_456),
          settlements: [],
        },
      ],
    ]),
    today: TODAY,
    sender: { name: 'Menuiseries Dupont SAS', addressLines: ['12 rue des Artisans'], city: 'Lyon' },
    templates: (id, language) =>
      ['courtesy', 'reminder_1', 'reminder_2', 'call_script', 'formal_notice'].includes(id)
        ? defaultTemplate(id as 'reminder_1', language)
        : undefined,
    rates: PUBLISHED_RATES,
    ...overrides,
  };
}

let counter = 0;
const ids = { newId: () => `act-${(counter += 1)}` };

describe('planActions', () => {
  it('words an e-mail for the billing contact, in the customer’s language, keyed by customer, step and day', () => {
    const [action] = planActions(input(step()), ids);
    expect(action).toMatchObject({
      status: 'queued',
      dedupeKey: stepActionKey('cus-1', 'reminder_1', 'EUR', TODAY),
      assigneeUserId: 'user-1',
      oldestDueDate: '2026-03-03',
      invoices: [{ invoiceId: 'inv-1', openCents: 123_456 }],
      message: { channel: 'email', recipients: ['compta@martin.test'] },
    });
    expect(action?.message?.bodyText).toContain('FA-2026-0042');
    expect(action?.message?.bodyText).toMatch(/1\s234,56\s€/u);
    expect(action?.message?.source).toEqual({ type: 'dunning_action', id: action?.id });
  });

  it('makes the collector’s task of an e-mail to a customer without an address', () => {
    const [action] = planActions(input(step(), { customer: customer({ contacts: [] }) }), ids);
    expect(action).toMatchObject({ status: 'open', note: 'no_email_address', message: null });
  });

  it('draws a letter for the billing address, dated in words from the sender’s city', () => {
    const [action] = planActions(
      input(step({ id: 'notice', channel: 'letter', templateId: 'formal_notice' })),
      ids,
    );
    expect(action?.message?.channel).toBe('letter');
    expect(action?.message?.recipients).toEqual([
      'Boulangerie Martin SARL',
      '3 place Bellecour',
      '69002 Lyon',
    ]);
    expect(action?.message?.letter?.placeAndDate).toBe('Lyon, le 20 mars 2026');
  });

  it('waits for approval and sends nothing when the step needs it', () => {
    const [action] = planActions(input(step({ needsApproval: true })), ids);
    expect(action).toMatchObject({ status: 'awaiting_approval', message: null });
  });

  it('carries out an account hold by itself, and opens a call for the collector', () => {
    const [hold] = planActions(
      input(step({ id: 'hold', channel: 'hold', templateId: null, offsetDays: 45 })),
      ids,
    );
    expect(hold).toMatchObject({ status: 'done', customerStatus: 'on_hold', message: null });
    const [call] = planActions(
      input(step({ id: 'call', channel: 'call', templateId: 'call_script' })),
      ids,
    );
    expect(call).toMatchObject({ status: 'open', message: null, customerStatus: null });
  });

  it('gives an e-mail and an SMS the portal link made for their action, a letter none', () => {
    const asked: string[] = [];
    const portalUrlFor = (actionId: string) => {
      asked.push(actionId);
      return `https://encaisse.test/portail#token-of-${actionId}`;
    };
    const [email] = planActions(input(step(), { portalUrlFor }), ids);
    expect(email?.message?.bodyText).toContain(
      `votre espace client, où vous pouvez aussi nous indiquer une date de règlement ou nous signaler un problème : https://encaisse.test/portail#token-of-${email?.id}\n`,
    );
    const [sms] = planActions(
      input(step({ id: 'sms', channel: 'sms', templateId: 'reminder_1' }), { portalUrlFor }),
      ids,
    );
    expect(sms?.message?.bodyText).toContain(`https://encaisse.test/portail#token-of-${sms?.id}`);
    const [letter] = planActions(
      input(step({ id: 'notice', channel: 'letter', templateId: 'reminder_1' }), { portalUrlFor }),
      ids,
    );
    expect(letter?.message?.bodyText).not.toContain('portail');
    expect(letter?.message?.bodyText).not.toContain('espace client');
    expect(asked).toEqual([email?.id, sms?.id]);
  });

  it('names no portal when no link was made, leaving no empty line behind', () => {
    const [email] = planActions(input(step()), ids);
    expect(email?.message?.bodyText).not.toContain('espace client');
    expect(email?.message?.bodyText).toContain(
      'ne tenez pas compte de ce message.\n\nBien cordialement,',
    );
  });

  it('sends a text message to the billing contact’s phone', () => {
    const [sms] = planActions(
      input(step({ id: 'sms', channel: 'sms', templateId: 'reminder_1' })),
      ids,
    );
    expect(sms?.message).toMatchObject({
      channel: 'sms',
      recipients: ['+33600000000'],
      subject: null,
    });
  });
});

describe('postalLines', () => {
  it('is empty without a street or a city, and names a foreign country', () => {
    expect(
      postalLines(
        customer({
          billingAddress: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
        }),
      ),
    ).toEqual([]);
    expect(
      postalLines(
        customer({
          billingAddress: {
            line1: 'Rue Neuve 1',
            line2: 'Boîte 4',
            postalCode: '1000',
            city: 'Bruxelles',
            country: 'BE',
          },
        }),
      ),
    ).toEqual(['Rue Neuve 1', 'Boîte 4', '1000 Bruxelles', 'BE']);
  });
});

describe('carriedOutOf', () => {
  const state = {
    invoiceId: 'inv-1',
    stepId: 'reminder_1',
    reachedOn: TODAY,
    actionId: 'act-1',
    messageId: 'msg-1',
  };
  it('is done once the message is in the outbox and has not failed, failed when it bounced', () => {
    expect(carriedOutOf({ ...state, actionStatus: 'queued' }, 'queued')).toBe('done');
    expect(carriedOutOf({ ...state, actionStatus: 'queued' }, 'sent')).toBe('done');
    expect(carriedOutOf({ ...state, actionStatus: 'queued' }, 'failed')).toBe('failed');
    expect(carriedOutOf({ ...state, actionStatus: 'queued' }, 'bounced')).toBe('failed');
  });
  it('is pending while awaiting approval or still to do, done once done or dismissed', () => {
    expect(carriedOutOf({ ...state, actionStatus: 'awaiting_approval' }, undefined)).toBe(
      'pending',
    );
    expect(carriedOutOf({ ...state, actionStatus: 'open' }, undefined)).toBe('pending');
    expect(carriedOutOf({ ...state, actionStatus: 'done' }, undefined)).toBe('done');
    expect(carriedOutOf({ ...state, actionStatus: 'dismissed' }, undefined)).toBe('done');
  });
});
