import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.ts';
import { formatFileSize } from './file-size.ts';
import type { UploadPhase } from './use-import-upload.ts';

/**
 * How far an upload is: a bar with the percentage and the bytes sent
 * (« Envoi… 12,5 Mo sur 40 Mo »), then a bar that moves without an end while the server
 * reads and imports the file, which it says nothing of until it is done.
 */
export function UploadProgress({ phase }: { phase: UploadPhase }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (phase.kind === 'idle') {
    return null;
  }
  if (phase.kind === 'processing') {
    return (
      <Stack gap={4} maw={720} data-testid="import-progress" data-phase="processing">
        <Progress value={100} striped animated aria-label={t('imports.progress.processingLabel')} />
        <Text size="sm" c="dimmed">
          {t('imports.progress.processing')}
        </Text>
      </Stack>
    );
  }
  const ratio = phase.total === 0 ? 1 : Math.min(1, phase.loaded / phase.total);
  return (
    <Stack gap={4} maw={720} data-testid="import-progress" data-phase="sending">
      <Progress value={ratio * 100} aria-label={t('imports.progress.sendingLabel')} />
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t('imports.progress.sending', {
            loaded: formatFileSize(phase.loaded, format.language),
            total: formatFileSize(phase.total, format.language),
          })}
        </Text>
        <Text size="sm" fw={500}>
          {format.percent(ratio)}
        </Text>
      </Group>
    </Stack>
  );
}
