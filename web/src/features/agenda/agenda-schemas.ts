/**
 * The agenda's HTTP contract as the web reads it: the server's own schemas
 * (`src/dunning/agenda-schemas.ts`, docs/api.md « Agenda »), and the types the page uses.
 * api.ts parses every answer with them, so a drift shows as a clear error, not a blank cell.
 */
import type { z } from 'zod';
import {
  ZAgendaPage,
  ZCompleted,
  type ZAgendaItem,
  type ZCompleteRequest,
} from '../../../../src/dunning/agenda-schemas.ts';

export { AGENDA_KINDS, OUTCOMES } from '../../../../src/dunning/agenda-rank.ts';
export type { AgendaKind, Outcome } from '../../../../src/dunning/agenda-rank.ts';

export { ZAgendaPage as ZAgenda, ZCompleted as ZCompletedAgendaItem };

export type TAgenda = z.infer<typeof ZAgendaPage>;
export type TAgendaItem = z.infer<typeof ZAgendaItem>;
export type TAgendaInvoice = TAgendaItem['invoices'][number];
export type TCompleteAgendaItemRequest = z.input<typeof ZCompleteRequest>;
