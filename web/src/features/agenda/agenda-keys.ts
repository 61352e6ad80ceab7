/**
 * The agenda at the keyboard, for a collector's 80 calls a day: the keys besides the
 * queue's own (j/k or ↓/↑ move, Enter opens: `useQueueKeyboard`), what each does, and the
 * list the « ? » help shows. Ctrl+Enter (⌘+Enter) saves from anywhere, the note included.
 */
import { OUTCOMES, type Outcome } from './agenda-schemas.ts';

export type AgendaCommand =
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'promise' }
  | { kind: 'snooze' }
  | { kind: 'approve' }
  | { kind: 'help' };

/** What a single key (no modifier, outside a text field) does, if anything. */
export function agendaCommandFor(key: string): AgendaCommand | undefined {
  if (/^[1-9]$/.test(key)) {
    const outcome = OUTCOMES[Number(key) - 1];
    return outcome === undefined ? undefined : { kind: 'outcome', outcome };
  }
  switch (key) {
    case 'p':
      return { kind: 'promise' };
    case 's':
      return { kind: 'snooze' };
    case 'a':
      return { kind: 'approve' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}

/** The single keys the agenda listens to, for `useQueueKeyboard`'s `keys`. */
export const AGENDA_KEYS: readonly string[] = [
  ...OUTCOMES.map((_, index) => String(index + 1)),
  'p',
  's',
  'a',
  '?',
];

/** Whether the event is the « save » chord: Ctrl+Enter, or ⌘+Enter on a Mac. */
export function isSaveChord(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/**
 * The help's lines, in its order: the keys (`Enter`, `Escape` and `Ctrl` are named in the
 * reader's language by the help), and the key of their words.
 */
export const SHORTCUT_HELP = [
  { keys: ['j', 'k', '↓', '↑'], words: 'move' },
  { keys: ['Enter'], words: 'open' },
  { keys: ['1 … 7'], words: 'outcome' },
  { keys: ['p'], words: 'promise' },
  { keys: ['s'], words: 'snooze' },
  { keys: ['a'], words: 'approve' },
  { keys: ['Ctrl', 'Enter'], words: 'save' },
  { keys: ['Escape'], words: 'back' },
  { keys: ['?'], words: 'help' },
] as const;
