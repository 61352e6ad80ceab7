import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../../src/shared/language.ts';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { useCreditPolicy, useSaveCreditPolicy } from './credit-policy-api.ts';
import {
  canSetCreditPolicy,
  policyFieldOf,
  policyRequest,
  policyValues,
  THRESHOLD_FIELDS,
  type PolicyField,
  type PolicyValues,
  type TCreditPolicy,
} from './credit-policy-model.ts';

type CeilingField = 'collectorLimit' | 'collectorException' | 'managerLimit' | 'managerException';

/**
 * « Politique de crédit »: the alert and block thresholds, what a customer without a limit
 * gets, and how far each authority level may decide a limit or an exception. Every role
 * reads it; only an administrator changes it (`credit:configure`, docs/credit.md
 * « Authority »: a credit manager does not set the ceilings of its own authority).
 */
export function CreditPolicySettings() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const policy = useCreditPolicy();
  const canEdit = canSetCreditPolicy(session.user.role);
  return (
    <Paper withBorder p="md" radius="md" data-testid="credit-policy-settings">
      <Title order={2} size="h4">
        {t('credit.policy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('credit.policy.explanation')}
      </Text>
      {canEdit ? null : (
        <Alert variant="light" color="gray" mb="sm" data-testid="credit-policy-read-only">
          {t('credit.policy.readOnly')}
        </Alert>
      )}
      {policy.isError ? (
        <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />
      ) : policy.data === undefined ? (
        <Skeleton height={320} />
      ) : (
        <PolicyForm policy={policy.data} canEdit={canEdit} />
      )}
    </Paper>
  );
}

/** The server's refusal on the form's fields (levels 1 and 2 on their rows), the rest apart. */
function serverProblems(error: unknown): {
  fields: Partial<Record<PolicyField, string>>;
  other: string[];
} {
  if (!(error instanceof ApiError)) {
    return { fields: {}, other: [] };
  }
  const split = fieldErrorsOf(
    error.problem,
    (field) => policyFieldOf(field) !== undefined,
    describeIssue,
  );
  const fields: Partial<Record<PolicyField, string>> = {};
  for (const [serverField, text] of Object.entries(split.fields)) {
    const field = policyFieldOf(serverField);
    if (field !== undefined) {
      fields[field] = fields[field] ?? text;
    }
  }
  return { fields, other: split.other };
}

function PolicyForm({ policy, canEdit }: { policy: TCreditPolicy; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  const [values, setValues] = useState<PolicyValues>(() => policyValues(policy, language));
  const [unread, setUnread] = useState<readonly PolicyField[]>([]);
  const save = useSaveCreditPolicy();
  const problems = serverProblems(save.error);
  const errorOf = (field: PolicyField): string | undefined =>
    unread.includes(field)
      ? t(THRESHOLD_FIELDS.has(field) ? 'credit.policy.notPercent' : 'credit.policy.notAmount')
      : problems.fields[field];
  const change = (changes: Partial<PolicyValues>) => {
    save.reset();
    setUnread([]);
    setValues((current) => ({ ...current, ...changes }));
  };
  const threshold = (field: 'alert' | 'block', testId: string) => (
    <TextInput
      label={t(`credit.policy.${field}`)}
      description={t(`credit.policy.${field}Hint`)}
      value={values[field]}
      onChange={(event) => change({ [field]: event.currentTarget.value })}
      readOnly={!canEdit}
      rightSection="%"
      inputMode="decimal"
      error={errorOf(field)}
      data-testid={testId}
    />
  );
  const ceiling = (field: CeilingField, testId: string) => (
    <TextInput
      aria-label={t(`credit.policy.${field}`)}
      placeholder={t('credit.policy.noCeiling')}
      value={values[field]}
      onChange={(event) => change({ [field]: event.currentTarget.value })}
      readOnly={!canEdit}
      rightSection="€"
      inputMode="decimal"
      error={errorOf(field)}
      miw={150}
      data-testid={testId}
    />
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const built = policyRequest(values);
        if (built.ok) {
          save.mutate(built.request, {
            onSuccess: (saved) => setValues(policyValues(saved, language)),
          });
        } else {
          setUnread(built.invalid);
        }
      }}
      data-testid="credit-policy-form"
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {threshold('alert', 'credit-policy-alert')}
          {threshold('block', 'credit-policy-block')}
        </SimpleGrid>
        <Radio.Group
          label={t('credit.policy.withoutLimit')}
          description={t('credit.policy.withoutLimitHint')}
          value={values.withoutLimit}
          onChange={(value) => change({ withoutLimit: value === 'hold' ? 'hold' : 'accept' })}
          error={errorOf('withoutLimit')}
          data-testid="credit-policy-without-limit"
        >
          <Group gap="md" mt={6}>
            <Radio
              value="accept"
              label={t('credit.policy.accept')}
              disabled={!canEdit}
              data-testid="credit-policy-without-limit-accept"
            />
            <Radio
              value="hold"
              label={t('credit.policy.hold')}
              disabled={!canEdit}
              data-testid="credit-policy-without-limit-hold"
            />
          </Group>
        </Radio.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('credit.policy.authority')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('credit.policy.authorityHint')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="credit-policy-authority">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('credit.policy.level')}</Table.Th>
                  <Table.Th>{t('credit.policy.limitMax')}</Table.Th>
                  <Table.Th>{t('credit.policy.exceptionMax')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr data-testid="credit-policy-level-1">
                  <Table.Td>{t('credit.policy.collector')}</Table.Td>
                  <Table.Td>{ceiling('collectorLimit', 'credit-policy-collector-limit')}</Table.Td>
                  <Table.Td>
                    {ceiling('collectorException', 'credit-policy-collector-exception')}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr data-testid="credit-policy-level-2">
                  <Table.Td>{t('credit.policy.creditManager')}</Table.Td>
                  <Table.Td>{ceiling('managerLimit', 'credit-policy-manager-limit')}</Table.Td>
                  <Table.Td>
                    {ceiling('managerException', 'credit-policy-manager-exception')}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr data-testid="credit-policy-level-3">
                  <Table.Td>{t('credit.policy.admin')}</Table.Td>
                  <Table.Td c="dimmed">{t('credit.policy.noCeiling')}</Table.Td>
                  <Table.Td c="dimmed">{t('credit.policy.noCeiling')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        {save.isError && !(save.error instanceof ApiError) ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {problems.other.length > 0 ? (
          <Alert color="red" variant="light" role="alert" data-testid="credit-policy-refused">
            {problems.other.join(' ')}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Alert color="green" variant="light" data-testid="credit-policy-saved">
            {t('credit.policy.saved')}
          </Alert>
        ) : null}
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="credit-policy-save">
              {t('credit.policy.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
