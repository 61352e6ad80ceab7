import type { AgendaKind } from './agenda-schemas.ts';

/** Each kind's badge colour: what waits on a person warm, what follows money cool. */
export const KIND_COLORS: Readonly<Record<AgendaKind, string>> = {
  call: 'blue',
  task: 'gray',
  approval: 'violet',
  promise_due: 'teal',
  promise_broken: 'red',
  credits_to_apply: 'green',
  follow_up: 'orange',
};
