import { describe, expect, it } from 'vitest';
import { parseScoreAnswer, type ScoreFieldMap } from './score-answer.ts';

const MAP: ScoreFieldMap = {
  score: 'result.score',
  scale: '0-100',
  incidents: 'result.incidents.count',
  incidentAmount: 'result.incidents.total',
};

describe('parseScoreAnswer', () => {
  it.each<[string, unknown, unknown]>([
    [
      'a number score and incidents with a decimal amount',
      { result: { score: 72, incidents: { count: 2, total: 1234.5 } } },
      {
        ok: true,
        score: { source: 'P', raw: '72', scale: '0-100', normalized: 72 },
        incidents: { count: 2, amountCents: 123_450, lastOn: null },
      },
    ],
    [
      'a text score, a text count, a French amount',
      { result: { score: '72,5', incidents: { count: '1', total: '1 234,56' } } },
      {
        ok: true,
        score: { source: 'P', raw: '72,5', scale: '0-100', normalized: 73 },
        incidents: { count: 1, amountCents: 123_456, lastOn: null },
      },
    ],
    [
      'no score from the provider, no incidents given',
      { result: { score: null } },
      { ok: true, score: null, incidents: null },
    ],
    [
      'a count without an amount: 0',
      { result: { score: 50, incidents: { count: 0 } } },
      {
        ok: true,
        score: { source: 'P', raw: '50', scale: '0-100', normalized: 50 },
        incidents: { count: 0, amountCents: 0, lastOn: null },
      },
    ],
  ])('reads %s', (_, body, expected) => {
    expect(parseScoreAnswer(body, MAP, 'P')).toEqual(expected);
  });

  it('reads no incidents when the map names none', () => {
    const result = parseScoreAnswer(
      { result: { score: 50, incidents: { count: 9 } } },
      { score: 'result.score', scale: '0-100' },
      'P',
    );
    expect(result).toEqual(expect.objectContaining({ ok: true, incidents: null }));
  });

  it.each<[string, unknown, string, Record<string, string>]>([
    [
      'a map that misses the score',
      { score: 72 },
      'score_field_missing',
      { field: 'score', path: 'result.score' },
    ],
    [
      'a path through a non-object',
      { result: 'x' },
      'score_field_missing',
      { field: 'score', path: 'result.score' },
    ],
    [
      'a score off the scale',
      { result: { score: 140 } },
      'score_out_of_scale',
      { value: '140', scale: '0-100' },
    ],
    [
      'a score that is an object',
      { result: { score: { v: 1 } } },
      'score_not_a_number',
      { value: '{"v":1}', scale: '0-100' },
    ],
    [
      'a count that is not whole',
      { result: { score: 50, incidents: { count: 1.5 } } },
      'incident_count_invalid',
      { field: 'incidents', value: '1.5' },
    ],
    [
      'a negative amount',
      { result: { score: 50, incidents: { count: 1, total: -10 } } },
      'incident_amount_invalid',
      { field: 'incidentAmount', value: '-10' },
    ],
    [
      'an ambiguous amount',
      { result: { score: 50, incidents: { count: 1, total: '1.234' } } },
      'incident_amount_invalid',
      { field: 'incidentAmount', value: '1.234' },
    ],
  ])('refuses %s', (_, body, code, params) => {
    expect(parseScoreAnswer(body, MAP, 'P')).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code, params })],
    });
  });
});
