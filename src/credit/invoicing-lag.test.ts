import { describe, expect, it } from 'vitest';
import { addLagSums, lagFigures } from './invoicing-lag.ts';

describe('lagFigures', () => {
  it.each([
    [{ links: 0, totalDays: 0, bands: [0, 0, 0, 0, 0] }, null],
    [{ links: 3, totalDays: 10, bands: [2, 0, 1, 0, 0] }, 3.3],
    [{ links: 2, totalDays: 3, bands: [1, 1, 0, 0, 0] }, 1.5],
    // 0.05 of a day rounds up: 1.05 → 1.1.
    [{ links: 20, totalDays: 21, bands: [20, 0, 0, 0, 0] }, 1.1],
  ])('gives the mean to a tenth of a day: %o → %s', (sums, meanDays) => {
    expect(lagFigures(sums).meanDays).toBe(meanDays);
  });

  it('names each band by its upper bound, the last open', () => {
    expect(lagFigures({ links: 5, totalDays: 50, bands: [1, 1, 1, 1, 1] }).bands).toEqual([
      { upToDays: 2, links: 1 },
      { upToDays: 7, links: 1 },
      { upToDays: 15, links: 1 },
      { upToDays: 30, links: 1 },
      { upToDays: null, links: 1 },
    ]);
  });
});

describe('addLagSums', () => {
  it('adds the groups band by band', () => {
    expect(
      addLagSums([
        { links: 1, totalDays: 22, bands: [0, 0, 0, 1, 0] },
        { links: 3, totalDays: 10, bands: [2, 0, 1, 0, 0] },
      ]),
    ).toEqual({ links: 4, totalDays: 32, bands: [2, 0, 1, 1, 0] });
    expect(addLagSums([])).toEqual({ links: 0, totalDays: 0, bands: [0, 0, 0, 0, 0] });
  });
});
