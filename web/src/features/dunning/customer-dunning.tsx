/**
 * A customer's own dunning settings, on its page (docs/dunning.md « Stored per company »):
 * the scenario it follows and why, its own scenario, manual follow-up, the language of its
 * messages and its agreed late-payment rate. Collectors may change them (`dunning:assign`).
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCustomerDunning, type TCustomerDunning } from '../../../../src/dunning/schemas.ts';
import { toLanguage, type Language } from '../../../../src/shared/language.ts';
import { apiGet, apiSend } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { useScenarios } from './dunning-api.ts';
import { canAssignDunning } from './dunning-permissions.ts';
import { rateBps, rateInputText } from './rate-input.ts';

const DEFAULTS = 'defaults';

const customerDunningPath = (customerId: string) =>
  `/api/customers/${encodeURIComponent(customerId)}/dunning`;

type Values = { scenario: string; manualFollowUp: boolean; language: 'fr' | 'en'; rate: string };

function valuesOf(setting: TCustomerDunning, language: Language): Values {
  return {
    scenario: setting.scenarioId ?? DEFAULTS,
    manualFollowUp: setting.manualFollowUp,
    language: setting.language ?? 'fr',
    rate:
      setting.contractualRateBps === null
        ? ''
        : rateInputText(setting.contractualRateBps, language),
  };
}

export function CustomerDunning({ customerId }: { customerId: string }) {
  const setting = useQuery({
    queryKey: ['dunning', 'customer', customerId],
    queryFn: ({ signal }) =>
      apiGet(customerDunningPath(customerId), ZCustomerDunning, undefined, signal),
  });
  if (setting.isError) {
    return <ErrorAlert error={setting.error} onRetry={() => void setting.refetch()} />;
  }
  return setting.data === undefined ? (
    <Skeleton height={160} radius="md" />
  ) : (
    <CustomerDunningForm key={setting.data.scenarioId ?? DEFAULTS} setting={setting.data} />
  );
}

function CustomerDunningForm({ setting }: { setting: TCustomerDunning }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const mayChange = canAssignDunning(session.user.role);
  const scenarios = useScenarios();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(setting, toLanguage(i18n.language)));
  const rate = values.rate.trim() === '' ? null : rateBps(values.rate);
  const save = useMutation({
    mutationFn: () =>
      apiSend('PUT', customerDunningPath(setting.customerId), ZCustomerDunning, {
        scenarioId: values.scenario === DEFAULTS ? null : values.scenario,
        manualFollowUp: values.manualFollowUp,
        language: values.language,
        contractualRateBps: rate ?? null,
      }),
    onSuccess: (saved) =>
      queryClient.setQueryData(['dunning', 'customer', setting.customerId], saved),
  });
  const notice = save.data?.notice ?? setting.notice;
  const change = (changes: Partial<Values>) => {
    save.reset();
    setValues((current) => ({ ...current, ...changes }));
  };
  const followed = setting.scenario?.name ?? t('dunning.customer.none');
  return (
    <Paper withBorder p="md" radius="md" data-testid="customer-dunning">
      <Stack gap="sm">
        <Text size="sm" data-testid="customer-dunning-follows">
          {t(`dunning.customer.follows.${setting.source ?? 'none'}`, { name: followed })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('dunning.customer.scenario')}
            data={[
              { value: DEFAULTS, label: t('dunning.customer.defaults') },
              ...(scenarios.data?.items ?? []).map((scenario) => ({
                value: scenario.id,
                label: scenario.name,
              })),
            ]}
            value={values.scenario}
            onChange={(value) => change({ scenario: value ?? DEFAULTS })}
            allowDeselect={false}
            disabled={!mayChange}
            data-testid="customer-dunning-scenario"
          />
          <Select
            label={t('dunning.customer.language')}
            data={[
              { value: 'fr', label: t('dunning.customer.languages.fr') },
              { value: 'en', label: t('dunning.customer.languages.en') },
            ]}
            value={values.language}
            onChange={(value) => change({ language: value === 'en' ? 'en' : 'fr' })}
            allowDeselect={false}
            disabled={!mayChange}
            data-testid="customer-dunning-language"
          />
          <TextInput
            label={t('dunning.customer.rate')}
            description={t('dunning.customer.rateHelp')}
            value={values.rate}
            onChange={(event) => change({ rate: event.currentTarget.value })}
            error={rate === undefined ? t('dunning.customer.rateInvalid') : undefined}
            rightSection="%"
            disabled={!mayChange}
            data-testid="customer-dunning-rate"
          />
          <Checkbox
            mt="lg"
            label={t('dunning.customer.manualFollowUp')}
            checked={values.manualFollowUp}
            onChange={(event) => change({ manualFollowUp: event.currentTarget.checked })}
            disabled={!mayChange}
            data-testid="customer-dunning-manual"
          />
        </SimpleGrid>
        {notice === null ? null : (
          <Alert color="yellow" variant="light" data-testid="customer-dunning-notice">
            {describeIssue(notice)}
          </Alert>
        )}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {mayChange ? (
          <Group justify="flex-end">
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={rate === undefined}
              data-testid="customer-dunning-save"
            >
              {t('dunning.customer.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
