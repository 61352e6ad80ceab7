import { describe, expect, it } from 'vitest';
import { chooseLogFormat, type LogFormatSources } from './log-format.ts';

describe('chooseLogFormat', () => {
  it.each<[string, LogFormatSources, 'pretty' | 'json']>([
    ['a terminal, nothing asked: readable lines', { isTty: true }, 'pretty'],
    ['a file or a pipe, nothing asked: JSON', { isTty: false }, 'json'],
    ['an empty LOG_FORMAT asks for nothing', { env: '', isTty: true }, 'pretty'],
    ['an empty flag asks for nothing', { option: '', env: '', isTty: false }, 'json'],
    ['LOG_FORMAT over the terminal default', { env: 'json', isTty: true }, 'json'],
    ['LOG_FORMAT over the pipe default', { env: 'pretty', isTty: false }, 'pretty'],
    ['the flag over the terminal default', { option: 'json', isTty: true }, 'json'],
    ['the flag over LOG_FORMAT', { option: 'pretty', env: 'json', isTty: false }, 'pretty'],
    [
      'the flag over LOG_FORMAT, the other way',
      { option: 'json', env: 'pretty', isTty: true },
      'json',
    ],
  ])('%s', (_case, sources, expected) => {
    expect(chooseLogFormat(sources)).toBe(expected);
  });
});
