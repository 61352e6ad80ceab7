import { Box, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.ts';
import { gaugeOf, type GaugeTone } from './credit-model.ts';

const TONE_COLORS: Readonly<Record<GaugeTone, string>> = {
  ok: 'teal',
  alert: 'orange',
  block: 'red',
};

/** A threshold's mark across the bar, where the exposure would alert or block. */
function Mark({ percent, color, label }: { percent: number; color: string; label: string }) {
  return (
    <Tooltip label={label}>
      <Box
        aria-hidden
        pos="absolute"
        top={-4}
        bottom={-4}
        w={2}
        bg={color}
        style={{ left: `calc(${percent}% - 1px)` }}
      />
    </Tooltip>
  );
}

/**
 * The exposure against the limit, a bar people read at a glance: the part within the limit
 * (green, orange from the alert threshold), the part over it (red), and the marks of the
 * alert and block thresholds, each said in words under the bar.
 */
export function CreditGauge(props: {
  exposureCents: number;
  limitCents: number;
  policy: { alertBps: number; blockBps: number };
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const gauge = gaugeOf(props.exposureCents, props.limitCents, props.policy);
  const alertLabel = t('credit.exposure.alertAt', {
    percent: format.percent(props.policy.alertBps / 10_000),
  });
  const blockLabel = t('credit.exposure.blockAt', {
    percent: format.percent(props.policy.blockBps / 10_000),
  });
  return (
    <Box data-testid="credit-gauge" data-tone={gauge.tone}>
      <Box pos="relative" my={6}>
        <Progress.Root size="xl" radius="sm" aria-label={t('credit.exposure.gauge')}>
          <Progress.Section value={gauge.withinPercent} color={TONE_COLORS[gauge.tone]} />
          <Progress.Section value={gauge.overPercent} color="red.8" striped />
        </Progress.Root>
        <Mark
          percent={gauge.alertPercent}
          color="var(--mantine-color-orange-7)"
          label={alertLabel}
        />
        <Mark percent={gauge.blockPercent} color="var(--mantine-color-red-8)" label={blockLabel} />
      </Box>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {alertLabel}
        </Text>
        <Text size="xs" c="dimmed">
          {blockLabel}
        </Text>
      </Group>
    </Box>
  );
}
