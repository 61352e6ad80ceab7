import { Button, Group, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCashApplicationSettings } from './cash-application-api.ts';
import { ThresholdForm } from './threshold-form.tsx';

type ThresholdSettingProps = { canChange: boolean };

/**
 * The company's automatic-application threshold, always shown (it explains why a line is
 * queued rather than applied); « Modifier » opens its form for roles with `ledger:write`.
 */
export function ThresholdSetting({ canChange }: ThresholdSettingProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const settings = useCashApplicationSettings();
  const [isOpen, setOpen] = useState(false);
  if (settings.isError) {
    return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const threshold = settings.data?.autoApplyThreshold;
  return (
    <Group gap="xs" mb="md" data-testid="threshold-setting">
      <Text size="sm" c="dimmed" data-testid="auto-apply-threshold">
        {t('cashApplication.threshold.label', {
          threshold: threshold === undefined ? '…' : format.percent(threshold / 100),
        })}
      </Text>
      {canChange && threshold !== undefined ? (
        <Popover opened={isOpen} onChange={setOpen} trapFocus withArrow position="bottom-start">
          <Popover.Target>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setOpen((open) => !open)}
              data-testid="threshold-edit"
            >
              {t('cashApplication.threshold.edit')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown aria-label={t('cashApplication.threshold.title')}>
            <ThresholdForm current={threshold} onDone={() => setOpen(false)} />
          </Popover.Dropdown>
        </Popover>
      ) : null}
    </Group>
  );
}
