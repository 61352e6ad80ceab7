import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../api.ts';
import { SessionContext, storeSession } from '../features/auth/session.ts';
import { changeLanguage } from '../i18n/i18n.ts';
import { ZSessionInfo } from '../../../src/auth/schemas.ts';
import { isLanguage, toLanguage, type Language } from '../../../src/shared/language.ts';

/**
 * FR / EN, remembered on this browser and, once signed in, as the user's own language: the
 * next sign-in on any browser starts in it, and the API speaks it to requests naming none.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useContext(SessionContext);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) =>
      apiSend('PUT', '/api/auth/me/language', ZSessionInfo, { language }),
    onSuccess: (info) => storeSession(queryClient, info),
  });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={toLanguage(i18n.resolvedLanguage)}
      onChange={(value) => {
        if (!isLanguage(value)) {
          return;
        }
        // Switched here first, so that the request saving it already speaks it.
        void changeLanguage(value).then(() => {
          if (session !== null) {
            save.mutate(value);
          }
        });
      }}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
      data-testid="language-switch"
    />
  );
}
