/**
 * Where the agenda's keys send the focus: the panel's fields, by element id (one panel is
 * on screen at a time), so that the page moves the focus without holding refs into it.
 */
export const FOCUS_IDS = {
  firstOutcome: 'agenda-first-outcome',
  approve: 'agenda-approve',
  note: 'agenda-note',
  amount: 'agenda-promise-amount',
} as const;

/** Focuses the element once the render that shows it is done; `select` selects its text. */
export function focusSoon(id: string, options: { select?: boolean } = {}): void {
  window.setTimeout(() => {
    const element = document.getElementById(id);
    element?.focus();
    if (options.select === true && element instanceof HTMLInputElement) {
      element.select();
    }
  }, 0);
}
