import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSmsSettings } from '../../../../src/jobs/schemas.ts';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { SettingsSection } from './settings-section.tsx';
import { useSaveSmsSettings, useSmsSettings, useTestSms } from './settings-api.ts';
import { smsRequest, smsValues, type SmsValues } from './sending-settings-model.ts';

const SMS_FIELDS = new Set(['url', 'sender', 'token']);

/** The company's SMS provider, as a generic webhook: its URL, sender name and token. */
export function SmsSettings() {
  const { t } = useTranslation();
  return (
    <SettingsSection
      testId="sms-settings"
      title={t('settings.sms.title')}
      explanation={t('settings.sms.explanation')}
      settings={useSmsSettings()}
      placeholderHeight={140}
    >
      {(stored) => <SmsForm settings={stored} />}
    </SettingsSection>
  );
}

function SmsForm({ settings }: { settings: TSmsSettings | null }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SmsValues>(() => smsValues(settings));
  const [testTo, setTestTo] = useState('');
  const save = useSaveSmsSettings();
  const test = useTestSms();
  const errors =
    save.error instanceof ApiError
      ? fieldErrorsOf(save.error.problem, (field) => SMS_FIELDS.has(field), describeIssue)
      : { fields: {}, other: [] };
  const change = (changes: Partial<SmsValues>) => {
    save.reset();
    test.reset();
    setValues((current) => ({ ...current, ...changes }));
  };
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(smsRequest(values), {
            onSuccess: () => setValues((current) => ({ ...current, token: '' })),
          });
        }}
        data-testid="sms-form"
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('settings.sms.url')}
              placeholder="https://"
              value={values.url}
              onChange={(event) => change({ url: event.currentTarget.value })}
              error={errors.fields['url']}
              data-testid="sms-url"
            />
            <TextInput
              label={t('settings.sms.sender')}
              value={values.sender}
              onChange={(event) => change({ sender: event.currentTarget.value })}
              maxLength={20}
              error={errors.fields['sender']}
              data-testid="sms-sender"
            />
            <PasswordInput
              label={t('settings.sms.token')}
              placeholder={settings?.hasToken === true ? t('settings.sms.tokenKept') : ''}
              autoComplete="new-password"
              value={values.token}
              onChange={(event) => change({ token: event.currentTarget.value })}
              error={errors.fields['token']}
              data-testid="sms-token"
            />
          </SimpleGrid>
          {save.isError && !(save.error instanceof ApiError) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          {errors.other.length > 0 ? (
            <Alert color="red" variant="light" role="alert">
              {errors.other.join(' ')}
            </Alert>
          ) : null}
          {save.isSuccess ? (
            <Alert color="green" variant="light" data-testid="sms-saved">
              {t('settings.sms.saved')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="sms-save">
              {t('settings.sms.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          test.mutate({ to: testTo.trim() });
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('settings.sms.testTo')}
            placeholder="+33612345678"
            value={testTo}
            onChange={(event) => {
              test.reset();
              setTestTo(event.currentTarget.value);
            }}
            style={{ flex: '1 1 220px' }}
            data-testid="sms-test-to"
          />
          <Button
            type="submit"
            variant="light"
            loading={test.isPending}
            disabled={testTo.trim() === ''}
            data-testid="sms-test-send"
          >
            {t('settings.sms.testSend')}
          </Button>
        </Group>
      </form>
      {test.isError ? <ErrorAlert error={test.error} /> : null}
      {test.isSuccess ? (
        <Alert color="green" variant="light" data-testid="sms-test-sent">
          {t('settings.sms.testSent', { to: testTo.trim() })}
        </Alert>
      ) : null}
    </Stack>
  );
}
