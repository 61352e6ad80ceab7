/**
 * The company's sending settings (docs/messages.md): its SMTP server and its SMS webhook,
 * read and changed by administrators, each with a test send. A company that has none yet
 * answers 404, which is an empty form here, not an error.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZMailSettings,
  ZSmsSettings,
  ZTestMailResult,
  ZTestSmsResult,
  type TSaveMailSettingsRequest,
  type TSaveSmsSettingsRequest,
  type TTestMailRequest,
  type TTestSmsRequest,
} from '../../../../src/jobs/schemas.ts';
import { ApiError, apiGet, apiSend } from '../../api.ts';

export const settingsKeys = {
  mail: ['settings', 'mail'] as const,
  sms: ['settings', 'sms'] as const,
};

async function orNullWhenMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

/** The SMTP settings, never the password (`hasPassword`); `null` when none are set. */
export function useMailSettings() {
  return useQuery({
    queryKey: settingsKeys.mail,
    queryFn: ({ signal }) =>
      orNullWhenMissing(apiGet('/api/settings/mail', ZMailSettings, undefined, signal)),
    retry: false,
  });
}

export function useSaveMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TSaveMailSettingsRequest) =>
      apiSend('PUT', '/api/settings/mail', ZMailSettings, request),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.mail, saved),
  });
}

/** A test e-mail through the settings as typed (before saving them) or as stored. */
export function useTestMail() {
  return useMutation({
    mutationFn: (request: TTestMailRequest) =>
      apiSend('POST', '/api/settings/mail/test', ZTestMailResult, request),
  });
}

export function useSmsSettings() {
  return useQuery({
    queryKey: settingsKeys.sms,
    queryFn: ({ signal }) =>
      orNullWhenMissing(apiGet('/api/settings/sms', ZSmsSettings, undefined, signal)),
    retry: false,
  });
}

export function useSaveSmsSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TSaveSmsSettingsRequest) =>
      apiSend('PUT', '/api/settings/sms', ZSmsSettings, request),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.sms, saved),
  });
}

export function useTestSms() {
  return useMutation({
    mutationFn: (request: TTestSmsRequest) =>
      apiSend('POST', '/api/settings/sms/test', ZTestSmsResult, request),
  });
}
