import { describe, expect, it } from 'vitest';
import { checkPenaltyRate, floorNotice, overlayRates, rateLines } from './penalty-rate-table.ts';
import type { PenaltyRateTable } from './published-rates.ts';

const PUBLISHED: PenaltyRateTable = {
  ecbMainRefinancing: { '2025-H2': 215, '2026-H1': 215 },
  legalInterest: { '2025-H2': 276, '2026-H1': 262 },
};

describe('overlayRates', () => {
  it('is the published table when the company has no entry of its own', () => {
    expect(overlayRates(PUBLISHED, [])).toEqual(PUBLISHED);
  });

  it('replaces a published entry and adds a half-year not yet shipped, per series', () => {
    const table = overlayRates(PUBLISHED, [
      { series: 'ecb_mro', halfYear: '2026-H1', basisPoints: 240 },
      { series: 'legal_professional', halfYear: '2026-H2', basisPoints: 250 },
    ]);
    expect(table).toEqual({
      ecbMainRefinancing: { '2025-H2': 215, '2026-H1': 240 },
      legalInterest: { '2025-H2': 276, '2026-H1': 262, '2026-H2': 250 },
    });
    // The published table is left as it was.
    expect(PUBLISHED.ecbMainRefinancing['2026-H1']).toBe(215);
  });
});

describe('rateLines', () => {
  it('lists every half-year newest first, with the published, own and applied values', () => {
    const lines = rateLines(PUBLISHED, [
      { series: 'ecb_mro', halfYear: '2026-H1', basisPoints: 240 },
      { series: 'legal_professional', halfYear: '2026-H2', basisPoints: 250 },
    ]);
    expect(lines.map((line) => line.halfYear)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    expect(lines[0]).toEqual({
      halfYear: '2026-H2',
      ecbMro: { published: null, company: null, effective: null },
      legalProfessional: { published: null, company: 250, effective: 250 },
    });
    expect(lines[1]?.ecbMro).toEqual({ published: 215, company: 240, effective: 240 });
  });
});

describe('checkPenaltyRate', () => {
  it('accepts YYYY-H1|H2 and 0 to 5 000 basis points, or null', () => {
    expect(checkPenaltyRate({ halfYear: '2026-H2', basisPoints: 0 })).toEqual([]);
    expect(checkPenaltyRate({ halfYear: '2026-H1', basisPoints: 5_000 })).toEqual([]);
    expect(checkPenaltyRate({ halfYear: '2026-H1', basisPoints: null })).toEqual([]);
  });

  it('names each field wrong', () => {
    expect(
      checkPenaltyRate({ halfYear: '2026-1', basisPoints: -1 }).map((issue) => issue.code),
    ).toEqual(['penalty_rate_half_year_invalid', 'penalty_rate_out_of_range']);
    expect(checkPenaltyRate({ halfYear: '2026-H1', basisPoints: 12.5 })).toHaveLength(1);
  });
});

describe('floorNotice', () => {
  it('flags an agreed rate below three times the legal interest rate', () => {
    expect(floorNotice(PUBLISHED, '2026-H1', 785)).toMatchObject({
      code: 'penalty_rate_below_floor',
      params: { halfYear: '2026-H1', rate: 785, floor: 786 },
    });
    expect(floorNotice(PUBLISHED, '2026-H1', 786)).toBeNull();
    expect(floorNotice(PUBLISHED, '2026-H1', null)).toBeNull();
  });

  it('uses the latest known rate for a half-year not yet published', () => {
    expect(floorNotice(PUBLISHED, '2026-H2', 700)?.params).toMatchObject({ floor: 786 });
    expect(floorNotice(PUBLISHED, '2020-H1', 0)).toBeNull();
  });
});
