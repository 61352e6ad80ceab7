import { describe, expect, it } from 'vitest';
import { normalizeScore, parseScoreScale, riskScore, type ScoreScale } from './score.ts';

describe('normalizeScore', () => {
  it.each<[string, ScoreScale, number]>([
    ['0', '0-100', 0],
    ['100', '0-100', 100],
    ['72', '0-100', 72],
    [' 72 ', '0-100', 72],
    ['72,5', '0-100', 73],
    ['72.49', '0-100', 72],
    ['1', '1-20', 0],
    ['20', '1-20', 100],
    ['12', '1-20', 58],
    ['12,5', '1-20', 61],
    ['10,5', '1-20', 50],
    ['1', '1-10', 0],
    ['10', '1-10', 100],
    ['7', '1-10', 67],
    ['5,5', '1-10', 50],
    ['3++', 'bdf', 100],
    ['3+', 'bdf', 90],
    ['3', 'bdf', 80],
    ['4+', 'bdf', 70],
    ['4', 'bdf', 60],
    ['5+', 'bdf', 50],
    ['5', 'bdf', 40],
    ['6', 'bdf', 30],
    ['7', 'bdf', 20],
    ['8', 'bdf', 10],
    ['P', 'bdf', 0],
    ['p', 'bdf', 0],
    [' 3 ++ ', 'bdf', 100],
  ])('%j on %s is %i', (raw, scale, normalized) => {
    expect(normalizeScore(raw, scale)).toEqual({ ok: true, normalized });
  });

  it('reads Banque de France 0 ("no adverse information") as no grade at all', () => {
    expect(normalizeScore('0', 'bdf')).toEqual({ ok: true, normalized: null });
  });

  it.each<[string, ScoreScale, string]>([
    ['101', '0-100', 'score_out_of_scale'],
    ['-1', '0-100', 'score_out_of_scale'],
    ['100,01', '0-100', 'score_out_of_scale'],
    ['0', '1-20', 'score_out_of_scale'],
    ['0,99', '1-20', 'score_out_of_scale'],
    ['21', '1-20', 'score_out_of_scale'],
    ['11', '1-10', 'score_out_of_scale'],
    ['9', 'bdf', 'score_out_of_scale'],
    ['3+++', 'bdf', 'score_out_of_scale'],
    ['A', 'bdf', 'score_out_of_scale'],
    ['', '0-100', 'score_not_a_number'],
    ['abc', '0-100', 'score_not_a_number'],
    ['1e2', '0-100', 'score_not_a_number'],
    ['12,', '1-20', 'score_not_a_number'],
    ['1 000', '0-100', 'score_not_a_number'],
  ])('refuses %j on %s: %s', (raw, scale, code) => {
    expect(normalizeScore(raw, scale)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: 'score', code, params: { value: raw, scale } })],
    });
  });

  it('says the refusal in English until the catalogue has the code', () => {
    const result = normalizeScore('21', '1-20');
    expect(result.ok ? '' : result.issues[0]?.message).toBe('Score "21" is outside the 1-20 scale');
  });
});

describe('parseScoreScale', () => {
  it.each([
    ['0-100', '0-100'],
    [' BDF ', 'bdf'],
    ['1-20', '1-20'],
    ['1-10', '1-10'],
    ['0-20', undefined],
    ['', undefined],
  ])('%j is %s', (text, scale) => {
    expect(parseScoreScale(text)).toBe(scale);
  });
});

describe('riskScore', () => {
  it('keeps the source, the trimmed text and the scale beside the value', () => {
    expect(riskScore('Coface', ' 7 ', '1-10')).toEqual({
      ok: true,
      score: { source: 'Coface', raw: '7', scale: '1-10', normalized: 67 },
    });
  });

  it('passes on the issues of an out-of-scale value', () => {
    expect(riskScore('Coface', '12', '1-10')).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'score_out_of_scale' })],
    });
  });
});
