import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDunningPolicy } from '../../../../src/dunning/schemas.ts';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { usePolicy, useSavePolicy } from './dunning-api.ts';
import { amountCents, amountText } from './step-editor-model.ts';

const POLICY_FIELDS = new Set(['toleranceCents', 'minDaysBetweenContacts', 'runHour']);

/** The company's dunning policy: the tolerance in euros, the gap between contacts, the hour. */
export function PolicySettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (
    <Paper withBorder p="md" radius="md" data-testid="policy-settings">
      <Title order={2} size="h4" mb="sm">
        {t('dunning.policy.title')}
      </Title>
      {policy.isError ? (
        <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />
      ) : policy.data === undefined ? (
        <Skeleton height={180} />
      ) : (
        <PolicyForm policy={policy.data} canEdit={canEdit} />
      )}
    </Paper>
  );
}

function PolicyForm({ policy, canEdit }: { policy: TDunningPolicy; canEdit: boolean }) {
  const { t } = useTranslation();
  const [tolerance, setTolerance] = useState(amountText(policy.toleranceCents));
  const [minDays, setMinDays] = useState<number | string>(policy.minDaysBetweenContacts);
  const [runHour, setRunHour] = useState<number | string>(policy.runHour);
  const [localError, setLocalError] = useState<string | undefined>();
  const save = useSavePolicy();
  const errors =
    save.error instanceof ApiError
      ? fieldErrorsOf(save.error.problem, (field) => POLICY_FIELDS.has(field), describeIssue)
      : { fields: {}, other: [] };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const toleranceCents = amountCents(tolerance);
        if (toleranceCents === undefined || toleranceCents === null) {
          setLocalError(t('dunning.policy.invalidAmount'));
          return;
        }
        setLocalError(undefined);
        save.mutate({
          toleranceCents,
          minDaysBetweenContacts: typeof minDays === 'number' ? minDays : Number.NaN,
          runHour: typeof runHour === 'number' ? runHour : Number.NaN,
        });
      }}
      data-testid="policy-form"
    >
      <Stack gap="sm" maw={420}>
        <TextInput
          label={t('dunning.policy.tolerance')}
          description={t('dunning.policy.toleranceHint')}
          value={tolerance}
          onChange={(event) => {
            save.reset();
            setTolerance(event.currentTarget.value);
          }}
          inputMode="decimal"
          readOnly={!canEdit}
          error={localError ?? errors.fields['toleranceCents']}
          data-testid="policy-tolerance"
        />
        <NumberInput
          label={t('dunning.policy.minDays')}
          description={t('dunning.policy.minDaysHint')}
          value={minDays}
          onChange={(value) => {
            save.reset();
            setMinDays(value);
          }}
          allowDecimal={false}
          readOnly={!canEdit}
          error={errors.fields['minDaysBetweenContacts']}
          data-testid="policy-min-days"
        />
        <NumberInput
          label={t('dunning.policy.runHour')}
          description={t('dunning.policy.runHourHint')}
          value={runHour}
          onChange={(value) => {
            save.reset();
            setRunHour(value);
          }}
          allowDecimal={false}
          readOnly={!canEdit}
          suffix=" h"
          error={errors.fields['runHour']}
          data-testid="policy-run-hour"
        />
        {save.isError && !(save.error instanceof ApiError) ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {errors.other.length > 0 ? (
          <Alert color="red" variant="light">
            {errors.other.join(' ')}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Alert color="green" variant="light" data-testid="policy-saved">
            {t('dunning.policy.saved')}
          </Alert>
        ) : null}
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="policy-save">
              {t('dunning.policy.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
