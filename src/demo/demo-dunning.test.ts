import { describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.ts';
import { createDunningPicker } from './demo-dunning-picks.ts';
import { DEMO_SCENARIOS, instantOn } from './demo-dunning.ts';
import { generateDemo } from './generate.ts';
import { checkScenario } from '../dunning/scenario.ts';

function picksOf(seed: number) {
  const picker = createDunningPicker(seed);
  for (const batch of generateDemo({
    size: 'S',
    seed,
    today: calendarDate('2026-03-15'),
    companyId: '00000000-0000-4000-8000-000000000000',
    currency: 'EUR',
  })) {
    picker.add(batch.customers);
  }
  return picker.picks();
}

describe('the demo dunning picks', () => {
  it('are the same for the same seed, and at least two of each', () => {
    const picks = picksOf(3);
    expect(picksOf(3)).toEqual(picks);
    expect(picksOf(4)).not.toEqual(picks);
    for (const list of [picks.english, picks.manualFollowUp, picks.ownScenario]) {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(new Set(list).size).toBe(list.length);
    }
    // No customer is picked twice over.
    const all = [...picks.english, ...picks.manualFollowUp, ...picks.ownScenario];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(DEMO_SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    'scenario %s passes the checks a stored scenario must',
    (_, scenario) => {
      const ids = scenario.steps.map((step, index) => ({ ...step, id: `s${index}` }));
      expect(checkScenario({ id: 'x', name: scenario.name, steps: ids })).toEqual([]);
    },
  );
});

describe('instantOn', () => {
  it.each([
    ['2026-01-15', 7, 0, '2026-01-15T06:00:00.000Z'],
    ['2026-07-15', 7, 0, '2026-07-15T05:00:00.000Z'],
    // The mornings around the changes of time (29 March, 25 October 2026).
    ['2026-03-29', 7, 5, '2026-03-29T05:05:00.000Z'],
    ['2026-10-25', 16, 0, '2026-10-25T15:00:00.000Z'],
  ])('%s at %i:%i in Paris is %s', (date, hour, minute, iso) => {
    expect(instantOn(calendarDate(date), hour, minute, 'Europe/Paris').toISOString()).toBe(iso);
  });
});
