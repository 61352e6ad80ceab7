import { describe, expect, it } from 'vitest';
import { formatSiren, formatSiret } from './identifiers.ts';
import { actionLabelKey, eventFacts } from './timeline-labels.ts';

describe('customer figures', () => {
  it('groups SIREN and SIRET digits as they are read in France', () => {
    expect(formatSiren('552100554')).toBe('552 100 554');
    expect(formatSiret('55210055400013')).toBe('552 100 554 00013');
    expect(formatSiren('FR-1')).toBe('FR-1');
  });
});

describe('timeline', () => {
  it('names the known actions and leaves the others as recorded', () => {
    expect(actionLabelKey('customer.created')).toBe('customer.timeline.actions.customerCreated');
    expect(actionLabelKey('allocation.undone')).toBe('customer.timeline.actions.allocationUndone');
    expect(actionLabelKey('toString')).toBeUndefined();
    expect(actionLabelKey('dunning.sent')).toBeUndefined();
  });

  it('picks a reference and an amount only when the event carries them well formed', () => {
    expect(eventFacts({ invoiceNumber: 'FA-1', amount: 125_000, currency: 'EUR' })).toEqual({
      reference: 'FA-1',
      amount: 125_000,
      currency: 'EUR',
    });
    expect(eventFacts({ amount: '12', number: 7 })).toEqual({});
  });
});
