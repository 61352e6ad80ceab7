import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { z } from 'zod';
import { ZDunningScenarioList } from '../../../../src/dunning/schemas.ts';
import {
  ZApproved,
  ZDismissed,
  ZReassigned,
  ZSnoozed,
} from '../../../../src/dunning/agenda-schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { customerKeys } from '../customers/customers-api.ts';
import { toAgendaQuery, type AgendaFilters } from './agenda-model.ts';
import {
  ZAgenda,
  ZCompletedAgendaItem,
  type TCompleteAgendaItemRequest,
} from './agenda-schemas.ts';

// A closed item: approved (sent, opened or done) or dismissed.
const ZClosedAgendaItem = z.union([ZApproved, ZDismissed]);

export const agendaKeys = {
  all: ['agenda'] as const,
  list: (filters: AgendaFilters) => ['agenda', 'list', filters] as const,
  scenarios: ['dunning', 'scenarios'] as const,
};

function itemPath(id: string, action: string): string {
  return `/api/agenda/${encodeURIComponent(id)}/${action}`;
}

/** The day's items, ranked by the server (money at stake × lateness). */
export function useAgenda(filters: AgendaFilters) {
  return useQuery({
    queryKey: agendaKeys.list(filters),
    queryFn: ({ signal }) => apiGet('/api/agenda', ZAgenda, toAgendaQuery(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** The company's scenarios: the steps the step filter offers. */
export function useDunningScenarios() {
  return useQuery({
    queryKey: agendaKeys.scenarios,
    queryFn: ({ signal }) =>
      apiGet('/api/dunning/scenarios', ZDunningScenarioList, undefined, signal),
    staleTime: 60_000,
  });
}

/**
 * After any action the agenda moves; a promise, a dispute or a message changes the
 * customer's page (its promises, its timeline) too.
 */
function useInvalidateAfterAction() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: agendaKeys.all }),
      queryClient.invalidateQueries({ queryKey: customerKeys.all }),
    ]);
}

export function useCompleteAgendaItem() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: TCompleteAgendaItemRequest }) =>
      apiSend('POST', itemPath(id, 'complete'), ZCompletedAgendaItem, request),
    onSuccess: invalidate,
  });
}

export function useSnoozeAgendaItem() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: ({ id, until }: { id: string; until: string }) =>
      apiSend('POST', itemPath(id, 'snooze'), ZSnoozed, { until }),
    onSuccess: invalidate,
  });
}

export function useReassignAgendaItem() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: ({ id, assigneeId }: { id: string; assigneeId: string }) =>
      apiSend('POST', itemPath(id, 'reassign'), ZReassigned, { assigneeId }),
    onSuccess: invalidate,
  });
}

/** « Valider et envoyer » (`approve`) or « Écarter » (`dismiss`) a message waiting for approval. */
export function useDecideApproval() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: ({
      id,
      decision,
      note,
    }: {
      id: string;
      decision: 'approve' | 'dismiss';
      note?: string;
    }) =>
      apiSend(
        'POST',
        itemPath(id, decision),
        ZClosedAgendaItem,
        note === undefined || note.trim() === '' ? {} : { note: note.trim() },
      ),
    onSuccess: invalidate,
  });
}
