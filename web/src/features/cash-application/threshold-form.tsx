import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useUpdateAutoApplyThreshold } from './cash-application-api.ts';

type ThresholdFormProps = { current: number; onDone: () => void };

/** The server's range (`ZThreshold`): a whole percentage from 1 to 100. */
function isThreshold(value: number | string): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100;
}

/** The company's threshold, changed and saved; what it does is said beside the field. */
export function ThresholdForm({ current, onDone }: ThresholdFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(current);
  const update = useUpdateAutoApplyThreshold();
  const isValid = isThreshold(value);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (isThreshold(value)) {
          update.mutate(value, { onSuccess: onDone });
        }
      }}
      data-testid="threshold-form"
    >
      <Stack gap="sm" maw={320}>
        <NumberInput
          label={t('cashApplication.threshold.field')}
          value={value}
          onChange={setValue}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          suffix=" %"
          error={isValid ? undefined : t('cashApplication.threshold.invalid')}
          data-autofocus
          data-testid="threshold-input"
        />
        <Text size="xs" c="dimmed">
          {t('cashApplication.threshold.explanation')}
        </Text>
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('cashApplication.threshold.cancel')}
          </Button>
          <Button
            type="submit"
            size="xs"
            loading={update.isPending}
            disabled={!isValid}
            data-testid="threshold-save"
          >
            {t('cashApplication.threshold.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
