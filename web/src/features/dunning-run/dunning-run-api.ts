import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api.ts';
import { agendaKeys } from '../agenda/agenda-api.ts';
import { customerKeys } from '../customers/customers-api.ts';
import { ZRunList, ZRunReport } from './dunning-run-schemas.ts';

export const dunningRunKeys = {
  all: ['dunning-runs'] as const,
};

/** The last runs, latest first (30). */
export function useDunningRuns() {
  return useQuery({
    queryKey: dunningRunKeys.all,
    queryFn: ({ signal }) => apiGet('/api/dunning/runs', ZRunList, undefined, signal),
  });
}

/**
 * The run of today: `dryRun` shows what would go out and changes nothing; the real one
 * fills the agenda and the outbox, and moves customers (holds, litigation).
 */
export function useRunDunning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      apiSend('POST', '/api/dunning/runs', ZRunReport, { dryRun }),
    onSuccess: (report) =>
      report.dryRun
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: dunningRunKeys.all }),
            queryClient.invalidateQueries({ queryKey: agendaKeys.all }),
            queryClient.invalidateQueries({ queryKey: customerKeys.all }),
          ]),
  });
}
