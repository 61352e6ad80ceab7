import { describe, expect, it } from 'vitest';
import { AGENDA_KEYS, agendaCommandFor, isSaveChord, SHORTCUT_HELP } from './agenda-keys.ts';

describe('the agenda’s keys', () => {
  it.each([
    ['1', { kind: 'outcome', outcome: 'reached' }],
    ['2', { kind: 'outcome', outcome: 'voicemail' }],
    ['3', { kind: 'outcome', outcome: 'wrong_number' }],
    ['4', { kind: 'outcome', outcome: 'promise_given' }],
    ['5', { kind: 'outcome', outcome: 'dispute_raised' }],
    ['6', { kind: 'outcome', outcome: 'says_paid' }],
    ['7', { kind: 'outcome', outcome: 'other' }],
    ['p', { kind: 'promise' }],
    ['s', { kind: 'snooze' }],
    ['a', { kind: 'approve' }],
    ['?', { kind: 'help' }],
  ] as const)('%s does %o', (key, command) => {
    expect(agendaCommandFor(key)).toEqual(command);
  });

  it.each(['8', '9', '0', 'e', 'x', 'P', 'Enter'])('%s does nothing of the agenda’s own', (key) => {
    expect(agendaCommandFor(key)).toBeUndefined();
  });

  it('listens to exactly the keys that do something', () => {
    expect(AGENDA_KEYS).toEqual(['1', '2', '3', '4', '5', '6', '7', 'p', 's', 'a', '?']);
    for (const key of AGENDA_KEYS) {
      expect(agendaCommandFor(key)).toBeDefined();
    }
  });

  it('saves with Ctrl+Enter or ⌘+Enter, not with Enter alone', () => {
    expect(isSaveChord({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSaveChord({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSaveChord({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSaveChord({ key: 's', ctrlKey: true, metaKey: false })).toBe(false);
  });

  it('shows every key in the help', () => {
    const shown = SHORTCUT_HELP.flatMap((line) => line.keys);
    for (const key of ['j', 'k', '↓', '↑', 'Enter', 'p', 's', 'a', '?', 'Ctrl', 'Escape']) {
      expect(shown).toContain(key);
    }
  });
});
