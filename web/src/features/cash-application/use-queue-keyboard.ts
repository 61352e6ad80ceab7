import { useEffect } from 'react';

/** What the queue's keys do (j/k, ↓/↑, Enter, e, x, and any `keys` of the caller's own). */
export type QueueKeyActions = {
  /** Whether the keys act now: not while a dialog is open or a change is on its way. */
  isEnabled: boolean;
  count: number;
  selected: number;
  onSelect: (index: number) => void;
  onConfirm: (index: number) => void;
  onEdit?: (index: number) => void;
  onSetAside?: (index: number) => void;
  /**
   * Further single keys (`'1'`, `'p'`, `'?'`) and what they do to the selected line; keep
   * the object stable (`useMemo`), it is a dependency of the listener.
   */
  keys?: Readonly<Record<string, (index: number) => void>>;
};

/** Whether the key was typed into something that takes text, where it must stay a letter. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [role="combobox"], [role="listbox"]') !== null
  );
}

/** Whether Enter on the target already does something of its own (a button, a link). */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href]') !== null;
}

/**
 * The queue at the keyboard, the way mail clients do it: j/k or ↓/↑ move the selection,
 * Enter confirms the selected line's best suggestion, e edits it, x sets it aside. Off
 * while an input has focus (a letter is then a letter), with a modifier held (the
 * browser's shortcuts), and while `isEnabled` is false.
 */
export function useQueueKeyboard(actions: QueueKeyActions): void {
  const { isEnabled, count, selected, onSelect, onConfirm, onEdit, onSetAside, keys } = actions;
  useEffect(() => {
    if (!isEnabled || count === 0) {
      return undefined;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (isTyping(event.target)) {
        return;
      }
      const current = Math.min(Math.max(selected, 0), count - 1);
      let handled = true;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          onSelect(Math.min(current + 1, count - 1));
          break;
        case 'k':
        case 'ArrowUp':
          onSelect(Math.max(current - 1, 0));
          break;
        case 'Enter':
          if (isActivatable(event.target)) {
            handled = false;
          } else {
            onConfirm(current);
          }
          break;
        case 'e':
        case 'x': {
          const action = event.key === 'e' ? onEdit : onSetAside;
          if (action === undefined) {
            handled = false;
          } else {
            action(current);
          }
          break;
        }
        default: {
          const action =
            keys === undefined
              ? undefined
              : Object.hasOwn(keys, event.key)
                ? keys[event.key]
                : undefined;
          if (action === undefined) {
            handled = false;
          } else {
            action(current);
          }
        }
      }
      if (handled) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isEnabled, count, selected, onSelect, onConfirm, onEdit, onSetAside, keys]);
}
