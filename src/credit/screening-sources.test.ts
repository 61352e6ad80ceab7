import { describe, expect, it } from 'vitest';
import { InvalidError } from '../shared/errors.ts';
import { screeningSourcesFromEnv } from './screening-sources.ts';

const configured = (env: Record<string, string>) => {
  const sources = screeningSourcesFromEnv(env);
  return {
    sirene: sources.sirene !== undefined,
    bodacc: sources.bodacc !== undefined,
    scores: sources.scores?.name ?? null,
  };
};

describe('screeningSourcesFromEnv', () => {
  it.each([
    [{}, { sirene: false, bodacc: false, scores: null }],
    [
      { SIRENE_BASE_URL: '  ', BODACC_BASE_URL: '' },
      { sirene: false, bodacc: false, scores: null },
    ],
    [{ SIRENE_API_KEY: 'key' }, { sirene: true, bodacc: false, scores: null }],
    [
      { SIRENE_BASE_URL: 'http://127.0.0.1:8080/sirene', BODACC_BASE_URL: 'https://bodacc.test' },
      { sirene: true, bodacc: true, scores: null },
    ],
    [
      { SCORE_API_URL: 'https://scores.test/v1/{siren}' },
      { sirene: false, bodacc: false, scores: 'score provider' },
    ],
    [
      { SCORE_API_URL: 'https://scores.test', SCORE_API_NAME: 'Assureur', SCORE_API_SCALE: '1-20' },
      { sirene: false, bodacc: false, scores: 'Assureur' },
    ],
  ])('configures from %j: %j', (env, expected) => {
    expect(configured(env)).toEqual(expected);
  });

  it.each([
    [{ SIRENE_BASE_URL: 'ftp://insee.test' }, ['SIRENE_BASE_URL']],
    [
      {
        BODACC_BASE_URL: 'not a url',
        SCORE_API_URL: 'https://scores.test',
        SCORE_API_SCALE: 'stars',
      },
      ['BODACC_BASE_URL', 'SCORE_API_SCALE'],
    ],
  ])('refuses %j, naming each setting', (env, settings) => {
    const refused = (() => {
      try {
        return screeningSourcesFromEnv(env);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(InvalidError);
    const issues = (refused as InvalidError).issues;
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual(
      settings.map((setting) => [setting, 'screening_setting_invalid']),
    );
  });
});
