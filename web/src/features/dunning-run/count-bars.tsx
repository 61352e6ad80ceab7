import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.ts';
import { countBars } from './dunning-run-model.ts';
import type { TRunCounts } from './dunning-run-schemas.ts';
import classes from './dunning-run.module.css';

/** A run's counts, each a bar the length of its share of the largest. */
export function CountBars({ counts }: { counts: TRunCounts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap={6} role="list" aria-label={t('dunningRun.report.counts')} data-testid="run-counts">
      {countBars(counts).map((bar) => (
        <Group
          key={bar.name}
          gap="sm"
          wrap="nowrap"
          role="listitem"
          data-testid={`run-count-${bar.name}`}
        >
          <Text size="sm" w={170} style={{ flexShrink: 0 }}>
            {t(`dunningRun.counts.${bar.name}`)}
          </Text>
          <div className={classes.barTrack} aria-hidden="true">
            <div className={classes.barFill} style={{ width: `${bar.percent}%` }} />
          </div>
          <Text size="sm" fw={600} w={64} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {format.integer(bar.value)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
