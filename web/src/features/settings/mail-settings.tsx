import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMailSettings } from '../../../../src/jobs/schemas.ts';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { SettingsSection } from './settings-section.tsx';
import { useMailSettings, useSaveMailSettings, useTestMail } from './settings-api.ts';
import { mailRequest, mailValues, type MailValues } from './sending-settings-model.ts';

const MAIL_FIELDS = new Set([
  'host',
  'port',
  'secure',
  'username',
  'password',
  'fromAddress',
  'fromName',
  'replyTo',
]);

/**
 * The company's SMTP server, through which reminders leave from its own address; a test
 * e-mail goes through the settings as typed, so they can be tried before they are saved.
 */
export function MailSettings() {
  const { t } = useTranslation();
  return (
    <SettingsSection
      testId="mail-settings"
      title={t('settings.mail.title')}
      explanation={t('settings.mail.explanation')}
      settings={useMailSettings()}
      placeholderHeight={260}
    >
      {(stored) => <MailForm settings={stored} />}
    </SettingsSection>
  );
}

function MailForm({ settings }: { settings: TMailSettings | null }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<MailValues>(() => mailValues(settings));
  const [testTo, setTestTo] = useState('');
  const save = useSaveMailSettings();
  const test = useTestMail();
  const errors =
    save.error instanceof ApiError
      ? fieldErrorsOf(save.error.problem, (field) => MAIL_FIELDS.has(field), describeIssue)
      : { fields: {}, other: [] };
  const change = (changes: Partial<MailValues>) => {
    save.reset();
    test.reset();
    setValues((current) => ({ ...current, ...changes }));
  };
  const text = (field: Exclude<keyof MailValues, 'port' | 'secure'>, testId: string) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      change({ [field]: event.currentTarget.value }),
    error: errors.fields[field],
    'data-testid': testId,
  });
  const hasPassword = settings?.hasPassword ?? false;
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(mailRequest(values), {
            onSuccess: () => setValues((current) => ({ ...current, password: '' })),
          });
        }}
        data-testid="mail-form"
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput label={t('settings.mail.host')} {...text('host', 'mail-host')} />
            <NumberInput
              label={t('settings.mail.port')}
              value={values.port}
              onChange={(port) => change({ port })}
              min={1}
              max={65535}
              allowDecimal={false}
              error={errors.fields['port']}
              data-testid="mail-port"
            />
            <TextInput
              label={t('settings.mail.username')}
              autoComplete="off"
              {...text('username', 'mail-username')}
            />
            <PasswordInput
              label={t('settings.mail.password')}
              placeholder={hasPassword ? t('settings.mail.passwordKept') : ''}
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => change({ password: event.currentTarget.value })}
              error={errors.fields['password']}
              data-testid="mail-password"
            />
            <TextInput
              label={t('settings.mail.fromAddress')}
              type="email"
              {...text('fromAddress', 'mail-from-address')}
            />
            <TextInput
              label={t('settings.mail.fromName')}
              {...text('fromName', 'mail-from-name')}
            />
            <TextInput
              label={t('settings.mail.replyTo')}
              type="email"
              {...text('replyTo', 'mail-reply-to')}
            />
            <Checkbox
              mt={{ base: 0, sm: 'lg' }}
              label={t('settings.mail.secure')}
              description={t('settings.mail.secureHint')}
              checked={values.secure}
              onChange={(event) => change({ secure: event.currentTarget.checked })}
              data-testid="mail-secure"
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
            <Alert color="green" variant="light" data-testid="mail-saved">
              {t('settings.mail.saved')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="mail-save">
              {t('settings.mail.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          test.mutate({ to: testTo.trim(), settings: mailRequest(values) });
        }}
        data-testid="mail-test-form"
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('settings.mail.testTo')}
            type="email"
            value={testTo}
            onChange={(event) => {
              test.reset();
              setTestTo(event.currentTarget.value);
            }}
            style={{ flex: '1 1 220px' }}
            data-testid="mail-test-to"
          />
          <Button
            type="submit"
            variant="light"
            loading={test.isPending}
            disabled={testTo.trim() === ''}
            data-testid="mail-test-send"
          >
            {t('settings.mail.testSend')}
          </Button>
        </Group>
      </form>
      {test.isError ? <ErrorAlert error={test.error} /> : null}
      {test.data === undefined ? null : (
        <Alert color="green" variant="light" data-testid="mail-test-sent">
          {t('settings.mail.testSent', { to: testTo.trim(), messageId: test.data.messageId })}
        </Alert>
      )}
    </Stack>
  );
}
