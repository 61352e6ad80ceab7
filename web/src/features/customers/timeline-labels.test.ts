import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../src/audit/schemas.ts';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import { actionLabelKey } from './timeline-labels.ts';

/** The sentence at a dotted key of a catalogue, or `undefined`. */
function sentenceAt(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      messages,
    );
}

describe('timeline labels', () => {
  it.each(AUDIT_ACTIONS)('labels %s in French and in English', (action) => {
    const key = actionLabelKey(action);
    expect(key).toBeDefined();
    const french = sentenceAt(fr, key ?? '');
    const english = sentenceAt(en, key ?? '');
    expect(typeof french).toBe('string');
    expect(typeof english).toBe('string');
    expect(french).not.toBe(english);
  });
});
