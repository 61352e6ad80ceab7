import { describe, expect, it } from 'vitest';
import { countBars, heldBackByReason, holdReasonKey } from './dunning-run-model.ts';
import { HOLD_REASONS } from './dunning-run-schemas.ts';
import { fr } from '../../i18n/fr.ts';
import { en } from '../../i18n/en.ts';

const customer = (code: string) => ({
  id: '11111111-1111-4111-8111-111111111111',
  code,
  name: `Client ${code}`,
});

describe('the run’s counts as bars', () => {
  it('gives the largest the whole row, a zero no bar, and a small count at least 1 %', () => {
    const bars = countBars({
      customers: 1_000,
      actions: 250,
      messages: 3,
      awaitingApproval: 0,
      tasks: 1,
      heldBack: 999,
      leaves: 0,
    });
    expect(bars.map((bar) => [bar.name, bar.value, bar.percent])).toEqual([
      ['customers', 1_000, 100],
      ['actions', 250, 25],
      ['messages', 3, 1],
      ['awaitingApproval', 0, 0],
      ['tasks', 1, 1],
      ['heldBack', 999, 100],
      ['leaves', 0, 0],
    ]);
  });

  it('draws no bar when nothing was counted', () => {
    const bars = countBars({
      customers: 0,
      actions: 0,
      messages: 0,
      awaitingApproval: 0,
      tasks: 0,
      heldBack: 0,
      leaves: 0,
    });
    expect(bars.every((bar) => bar.percent === 0)).toBe(true);
  });
});

describe('what the run held back', () => {
  it('groups the lines by reason, in the catalogue’s order, an unknown reason last', () => {
    const groups = heldBackByReason([
      { customer: customer('B'), reason: 'recent_contact', invoiceCount: 2 },
      { customer: customer('A'), reason: 'disputed', invoiceCount: 1 },
      { customer: customer('C'), reason: 'something_new', invoiceCount: 1 },
      { customer: customer('D'), reason: 'disputed', invoiceCount: 3 },
    ]);
    expect(
      groups.map((group) => [group.reason, group.lines.map((line) => line.customer.code)]),
    ).toEqual([
      ['disputed', ['A', 'D']],
      ['recent_contact', ['B']],
      ['other', ['C']],
    ]);
    expect(holdReasonKey('closed')).toBe('closed');
  });

  it('has a sentence for every reason, in French and in English', () => {
    for (const reason of [...HOLD_REASONS, 'other'] as const) {
      expect(fr.dunningRun.reasons[reason]).toMatch(/\.$/);
      expect(en.dunningRun.reasons[reason]).toMatch(/\.$/);
    }
    // French typography: a no-break space before the colon.
    expect(fr.dunningRun.reasons.disputed).toContain('litige\u00a0: ');
  });
});
