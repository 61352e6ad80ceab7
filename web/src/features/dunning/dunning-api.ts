/**
 * The dunning configuration's calls (docs/api.md « Dunning »): scenarios, templates, their
 * preview on a real customer, the policy. Every answer is parsed by the server's schema.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDunningPolicy,
  ZDunningScenario,
  ZDunningScenarioList,
  ZDunningTemplate,
  ZDunningTemplateList,
  ZTemplatePreview,
  type TDunningPolicy,
  type TSaveDunningScenarioRequest,
} from '../../../../src/dunning/schemas.ts';
import { ZCustomerPage } from '../../../../src/customers/schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { apiGet, apiSend, apiSendNoContent } from '../../api.ts';

export const dunningKeys = {
  all: ['dunning'] as const,
  scenarios: ['dunning', 'scenarios'] as const,
  templates: ['dunning', 'templates'] as const,
  policy: ['dunning', 'policy'] as const,
  preview: (request: PreviewRequest) => ['dunning', 'preview', request] as const,
};

export function useScenarios() {
  return useQuery({
    queryKey: dunningKeys.scenarios,
    queryFn: ({ signal }) =>
      apiGet('/api/dunning/scenarios', ZDunningScenarioList, undefined, signal),
  });
}

const scenarioPath = (id: string) => `/api/dunning/scenarios/${encodeURIComponent(id)}`;

/** Creates (`id` undefined) or replaces a scenario; the list's badges and counts follow. */
export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      request,
    }: {
      id: string | undefined;
      request: TSaveDunningScenarioRequest;
    }) =>
      id === undefined
        ? apiSend('POST', '/api/dunning/scenarios', ZDunningScenario, request)
        : apiSend('PUT', scenarioPath(id), ZDunningScenario, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.scenarios }),
  });
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSendNoContent('DELETE', scenarioPath(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.scenarios }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: dunningKeys.templates,
    queryFn: ({ signal }) =>
      apiGet('/api/dunning/templates', ZDunningTemplateList, undefined, signal),
  });
}

export type TemplateKey = { templateId: string; language: Language };

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, subject, body }: { key: TemplateKey; subject: string; body: string }) =>
      apiSend(
        'PUT',
        `/api/dunning/templates/${encodeURIComponent(key.templateId)}/${key.language}`,
        ZDunningTemplate,
        { subject, body },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.templates }),
  });
}

export type PreviewRequest = {
  customerId: string;
  language: Language;
  template: { subject: string; body: string };
};

/**
 * The words being edited, filled for a customer today. The caller debounces `request`;
 * the last preview stays on screen while the next one comes, and a refusal (a syntax
 * error, an unknown variable) is the query's error, with its issues and their lines.
 */
export function useTemplatePreview(request: PreviewRequest | null) {
  return useQuery({
    queryKey: dunningKeys.preview(
      request ?? { customerId: '', language: 'fr', template: { subject: '', body: '' } },
    ),
    queryFn: () => apiSend('POST', '/api/dunning/templates/preview', ZTemplatePreview, request),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/** The customers owing the most, offered first for the preview (the first one shown at once). */
export function usePreviewCustomers() {
  const query = { sort: 'open_amount', order: 'desc', page: 1, pageSize: 10 };
  return useQuery({
    queryKey: [...dunningKeys.all, 'preview-customers'] as const,
    queryFn: ({ signal }) => apiGet('/api/customers', ZCustomerPage, query, signal),
    staleTime: 60_000,
  });
}

export function usePolicy() {
  return useQuery({
    queryKey: dunningKeys.policy,
    queryFn: ({ signal }) => apiGet('/api/dunning/policy', ZDunningPolicy, undefined, signal),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: TDunningPolicy) =>
      apiSend('PUT', '/api/dunning/policy', ZDunningPolicy, policy),
    onSuccess: (saved) => {
      queryClient.setQueryData(dunningKeys.policy, saved);
    },
  });
}
